package org.partnershipgraph.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.partnershipgraph.action.Action;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * GraphQL fields of progress: roll-ups, trends, and each action's updates and RAG. {@code trend}
 * goes through a DataLoader keyed by scope and dates, so the trends of a roll-up's children cost
 * one statement.
 */
@Controller
public class ProgressController {

    private static final String TREND = "trend";

    private final ProgressQueries queries;
    private final Clock clock;

    ProgressController(ProgressQueries queries, Clock clock, BatchLoaderRegistry registry) {
        this.queries = queries;
        this.clock = clock;
        registry.<ProgressQueries.TrendKey, List<ProgressPoint>>forName(TREND)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> queries.trends(keys)));
    }

    @QueryMapping
    public Progress progress(@Argument ProgressScopeInput scope) {
        return queries.rollUp(scope, LocalDate.now(clock)).orElse(null);
    }

    @SchemaMapping(typeName = "Progress")
    public CompletableFuture<List<ProgressPoint>> trend(Progress progress, @Argument List<LocalDate> dates,
            DataFetchingEnvironment env) {
        DataLoader<ProgressQueries.TrendKey, List<ProgressPoint>> loader = env.getDataLoader(TREND);
        return loader.load(new ProgressQueries.TrendKey(progress.scopeId(), dates));
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<ProgressUpdate>> updates(List<Action> actions) {
        return queries.updates(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, RagAssessment> ragAssessment(List<Action> actions) {
        return queries.ragAssessment(actions, LocalDate.now(clock));
    }
}
