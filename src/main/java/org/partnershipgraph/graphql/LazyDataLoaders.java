package org.partnershipgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * A request's DataLoaders are created when one of its fields first asks for one, not before
 * every request. Spring for GraphQL creates every registered batch loader's DataLoader (one per
 * {@code @BatchMapping} and per {@link BatchLoaderRegistry} registration, about fifty here) for
 * each request, its observation instrumentation then copies each into an observed one, and
 * graphql-java dispatches all of them at every level of the result. A point query or an empty
 * request uses none. Here the request's registry starts empty and is filled with all of them, as
 * Spring would, the first time a field looks up a DataLoader it does not hold.
 *
 * <p>Registrations still go through Spring's {@link DefaultBatchLoaderRegistry}: names, options,
 * the Reactor context and the error on a duplicate name are Spring's. A registry that is not a
 * {@link LazyRegistry} (a caller that brings its own) is filled at once, as before.
 */
final class LazyDataLoaders {

    private LazyDataLoaders() {
    }

    /** Spring's execution service, handing each request a registry that fills itself on first use. */
    static ExecutionGraphQlService executionService(GraphQlSource source, BatchLoaderRegistry batchLoaders) {
        DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
        service.addDataLoaderRegistrar(batchLoaders);
        return request -> {
            request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new LazyRegistry()).build());
            return service.execute(request);
        };
    }

    /**
     * The application's batch loader registrations, applied to a {@link LazyRegistry} when it is
     * first used; the lazy registry is kept in the request's GraphQL context for {@link KeepLazy}.
     */
    static final class DeferredBatchLoaderRegistry implements BatchLoaderRegistry {

        private final DefaultBatchLoaderRegistry registrations = new DefaultBatchLoaderRegistry();

        @Override
        public <K, V> RegistrationSpec<K, V> forTypePair(Class<K> keyType, Class<V> valueType) {
            return registrations.forTypePair(keyType, valueType);
        }

        @Override
        public <K, V> RegistrationSpec<K, V> forName(String name) {
            return registrations.forName(name);
        }

        @Override
        public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
            if (registry instanceof LazyRegistry lazy) {
                context.put(LazyRegistry.class, lazy);
                lazy.defer(target -> registrations.registerDataLoaders(target, context));
            } else {
                registrations.registerDataLoaders(registry, context);
            }
        }
    }

    /**
     * The last instrumentation: Spring's observation instrumentation replaces the request's
     * registry with an observed copy of what it holds (nothing yet, for a lazy one). This puts a
     * lazy registry back, with the copy's DataLoader instrumentation, so the DataLoaders created
     * later are observed as Spring's would be. A copy that already holds DataLoaders is filled
     * at once instead.
     *
     * <p>It also clears the request's DataLoaders as each subscription event starts: a
     * subscription is one request, so its DataLoaders, and their caches, serve every event it
     * sends. Cleared, an event reads its nested fields afresh (a field keyed by an action's id
     * alone, as {@code stateAsOf} is, would otherwise answer from the first event), and a
     * long-lived subscription does not keep every value it has loaded. Likewise as each of a
     * mutation request's top-level fields starts: they run one after another, and each answers
     * with what the ones before it changed (a second {@code addDependency} on the same action
     * would otherwise show the first one's {@code upstream}). (Here rather than in an
     * instrumentation of its own, which would add a link to every field's instrumentation chain.)
     */
    static final class KeepLazy extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
                InstrumentationState state) {
            parameters.getExecutionContext().getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                    && parameters.getExecutionStepInfo().getPath().getLevel() == 1) {
                execution.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
            }
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            LazyRegistry lazy = input.getGraphQLContext().get(LazyRegistry.class);
            DataLoaderRegistry current = input.getDataLoaderRegistry();
            if (lazy == null || current == lazy) {
                return input;
            }
            if (!current.getKeys().isEmpty()) {
                lazy.registerNow(current);
                return input;
            }
            LazyRegistry moved = lazy.movedTo(current.getInstrumentation());
            return input.transform(builder -> builder.dataLoaderRegistry(moved));
        }
    }

    /**
     * One request's registry: holds the registrars Spring applies to it, and runs them the first
     * time a field asks for a DataLoader it does not hold. Until then it holds none, so
     * graphql-java's dispatch at each level has nothing to go through; {@link #getDataLoaders()},
     * {@link #getKeys()} and the statistics list the DataLoaders created so far.
     */
    static final class LazyRegistry extends DataLoaderRegistry {

        private final List<Consumer<DataLoaderRegistry>> deferred;
        private volatile boolean filled;

        LazyRegistry() {
            this(null, new ArrayList<>());
        }

        private LazyRegistry(DataLoaderInstrumentation instrumentation, List<Consumer<DataLoaderRegistry>> deferred) {
            super(Map.of(), instrumentation);
            this.deferred = deferred;
        }

        synchronized void defer(Consumer<DataLoaderRegistry> registrar) {
            if (filled) {
                registrar.accept(this);
            } else {
                deferred.add(registrar);
            }
        }

        /** A new lazy registry with this one's pending registrars, whose DataLoaders {@code instrumentation} wraps. */
        synchronized LazyRegistry movedTo(DataLoaderInstrumentation instrumentation) {
            LazyRegistry moved = new LazyRegistry(instrumentation, new ArrayList<>(deferred));
            deferred.clear();
            return moved;
        }

        /** Runs the pending registrars on {@code target} now. */
        synchronized void registerNow(DataLoaderRegistry target) {
            List<Consumer<DataLoaderRegistry>> registrars = List.copyOf(deferred);
            deferred.clear();
            registrars.forEach(registrar -> registrar.accept(target));
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<K, V> loader = super.getDataLoader(key);
            if (loader == null && !filled) {
                fill();
                loader = super.getDataLoader(key);
            }
            return loader;
        }

        /** Runs the pending registrars once; a second caller waits for the first to finish. */
        private synchronized void fill() {
            if (filled || deferred.isEmpty()) {
                return;
            }
            registerNow(this);
            filled = true;
        }
    }
}
