package org.partnershipgraph.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.partnershipgraph.graphql.BadRequestException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Dependency fields of {@code Action}. Fields with arguments go through DataLoaders keyed by
 * action and argument, so a list of actions still costs one statement per field.
 */
@Controller
public class DependencyController {

    private static final String UPSTREAM = "upstream";
    private static final String DOWNSTREAM = "downstream";
    private static final String IMPACT = "impactIfDelayed";

    private final Dependencies dependencies;

    DependencyController(Dependencies dependencies, BatchLoaderRegistry registry) {
        this.dependencies = dependencies;
        registry.<Dependencies.ClosureKey, DependencyClosure>forName(UPSTREAM)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> dependencies.upstream(keys)));
        registry.<Dependencies.ClosureKey, DependencyClosure>forName(DOWNSTREAM)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> dependencies.downstream(keys)));
        registry.<Dependencies.ImpactKey, List<ImpactedAction>>forName(IMPACT)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> dependencies.impact(keys)));
    }

    @SchemaMapping(typeName = "Action")
    public CompletableFuture<DependencyClosure> upstream(Action action, @Argument Integer depth,
            DataFetchingEnvironment env) {
        DataLoader<Dependencies.ClosureKey, DependencyClosure> loader = env.getDataLoader(UPSTREAM);
        return loader.load(new Dependencies.ClosureKey(action.id(), Dependencies.depth(depth)));
    }

    @SchemaMapping(typeName = "Action")
    public CompletableFuture<DependencyClosure> downstream(Action action, @Argument Integer depth,
            DataFetchingEnvironment env) {
        DataLoader<Dependencies.ClosureKey, DependencyClosure> loader = env.getDataLoader(DOWNSTREAM);
        return loader.load(new Dependencies.ClosureKey(action.id(), Dependencies.depth(depth)));
    }

    @SchemaMapping(typeName = "Action")
    public CompletableFuture<List<ImpactedAction>> impactIfDelayed(Action action, @Argument Integer byDays,
            DataFetchingEnvironment env) {
        int days = byDays == null ? 0 : byDays;
        if (days < 0 || days > Dependencies.MAX_DELAY_DAYS) {
            throw new BadRequestException("byDays must be between 0 and " + Dependencies.MAX_DELAY_DAYS + ", was " + days);
        }
        DataLoader<Dependencies.ImpactKey, List<ImpactedAction>> loader = env.getDataLoader(IMPACT);
        return loader.load(new Dependencies.ImpactKey(action.id(), days));
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<Action>> blockedBy(List<Action> actions) {
        Map<String, List<Action>> byId = dependencies.blockedBy(actions.stream().map(Action::id).distinct().toList());
        Map<Action, List<Action>> result = new LinkedHashMap<>();
        actions.forEach(a -> result.put(a, byId.getOrDefault(a.id(), List.of())));
        return result;
    }
}
