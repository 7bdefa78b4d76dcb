package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationContext;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry a request starts with: empty until a field asks for a DataLoader, then holding
 * every registered one, as Spring's own would. Batch loading through GraphQL, with the statements
 * it sends, is checked by the feature tests and {@link RoundTripTest}.
 */
class LazyDataLoadersTest {

    private final LazyDataLoaders.DeferredBatchLoaderRegistry batchLoaders = new LazyDataLoaders.DeferredBatchLoaderRegistry();

    LazyDataLoadersTest() {
        batchLoaders.<String, String>forName("upper").registerBatchLoader((keys, env) -> Flux.fromIterable(keys).map(String::toUpperCase));
        batchLoaders.<String, Integer>forName("length")
                .registerMappedBatchLoader((keys, env) -> Mono.just(Map.of("ab", 2)));
    }

    @Test
    void createsNoDataLoaderUntilOneIsAskedFor() {
        LazyDataLoaders.LazyRegistry registry = new LazyDataLoaders.LazyRegistry();
        batchLoaders.registerDataLoaders(registry, GraphQLContext.newContext().build());

        assertThat(registry.getDataLoaders()).isEmpty();
        registry.dispatchAll();
        assertThat(registry.getKeys()).isEmpty();

        DataLoader<String, String> upper = registry.getDataLoader("upper");
        assertThat(registry.getKeys()).containsExactlyInAnyOrder("upper", "length");
        CompletableFuture<String> loaded = upper.load("ab");
        registry.dispatchAll();
        assertThat(loaded.join()).isEqualTo("AB");
        assertThat(registry.getDataLoader("upper")).isSameAs(upper);
        assertThat(registry.getDataLoader("unknown")).isNull();
    }

    @Test
    void staysLazyBehindAnInstrumentedCopyAndInstrumentsWhatItCreatesLater() {
        LazyDataLoaders.LazyRegistry lazy = new LazyDataLoaders.LazyRegistry();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").dataLoaderRegistry(lazy).build();
        batchLoaders.registerDataLoaders(lazy, input.getGraphQLContext());
        List<String> batches = new ArrayList<>();
        DataLoaderInstrumentation observed = new DataLoaderInstrumentation() {
            @Override
            public DataLoaderInstrumentationContext<List<?>> beginBatchLoader(DataLoader<?, ?> loader, List<?> keys,
                    BatchLoaderEnvironment environment) {
                batches.add(loader.getName() + keys);
                return null;
            }
        };
        ExecutionInput copied = input.transform(builder -> builder.dataLoaderRegistry(
                DataLoaderRegistry.newRegistry().registerAll(lazy).instrumentation(observed).build()));

        ExecutionInput kept = new LazyDataLoaders.KeepLazy().instrumentExecutionInput(copied, null, null);

        assertThat(kept.getDataLoaderRegistry()).isInstanceOf(LazyDataLoaders.LazyRegistry.class);
        assertThat(kept.getDataLoaderRegistry().getKeys()).isEmpty();
        CompletableFuture<Object> loaded = kept.getDataLoaderRegistry().getDataLoader("upper").load("ab");
        kept.getDataLoaderRegistry().dispatchAll();
        assertThat(loaded.join()).isEqualTo("AB");
        assertThat(batches).containsExactly("upper[ab]");
    }

    @Test
    void fillsAnyOtherRegistryAtOnceAndStillRefusesADuplicateName() {
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().build();
        batchLoaders.registerDataLoaders(registry, GraphQLContext.newContext().build());
        assertThat(registry.getKeys()).containsExactlyInAnyOrder("upper", "length");

        batchLoaders.<String, String>forName("upper").registerBatchLoader((keys, env) -> Flux.fromIterable(keys));
        LazyDataLoaders.LazyRegistry lazy = new LazyDataLoaders.LazyRegistry();
        batchLoaders.registerDataLoaders(lazy, GraphQLContext.newContext().build());
        assertThatThrownBy(() -> lazy.getDataLoader("length")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("More than one DataLoader named 'upper'");
    }

    @Test
    void aSecondLookupDuringTheFillWaitsForIt() throws Exception {
        CountDownLatch filling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fills = new AtomicInteger();
        LazyDataLoaders.LazyRegistry registry = new LazyDataLoaders.LazyRegistry();
        registry.defer(target -> {
            fills.incrementAndGet();
            filling.countDown();
            await(release);
            target.register("slow", DataLoaderFactory.newDataLoader((List<String> keys) -> CompletableFuture.completedFuture(keys)));
        });

        CompletableFuture<DataLoader<String, String>> first = CompletableFuture.supplyAsync(() -> registry.getDataLoader("slow"));
        assertThat(filling.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DataLoader<String, String>> second = new CompletableFuture<>();
        Thread secondLookup = new Thread(() -> second.complete(registry.getDataLoader("slow")));
        secondLookup.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (secondLookup.getState() != Thread.State.BLOCKED && secondLookup.getState() != Thread.State.WAITING
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(secondLookup.getState()).as("the second lookup waits for the fill").isIn(Thread.State.BLOCKED, Thread.State.WAITING);
        assertThat(second).isNotDone();
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(second.get(30, TimeUnit.SECONDS)).isSameAs(first.get());
        assertThat(fills).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
