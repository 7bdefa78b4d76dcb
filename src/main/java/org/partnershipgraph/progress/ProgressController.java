package org.partnershipgraph.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.partnershipgraph.action.Action;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of progress: roll-ups, trends, and each action's updates and RAG. */
@Controller
public class ProgressController {

    private final ProgressQueries queries;
    private final Clock clock;

    ProgressController(ProgressQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    public Progress progress(@Argument ProgressScopeInput scope) {
        return queries.rollUp(scope, LocalDate.now(clock)).orElse(null);
    }

    @SchemaMapping(typeName = "Progress")
    public List<ProgressPoint> trend(Progress progress, @Argument List<LocalDate> dates) {
        return queries.trend(progress.scopeId(), dates);
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
