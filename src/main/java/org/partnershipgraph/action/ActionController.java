package org.partnershipgraph.action;

import org.partnershipgraph.board.Decision;
import org.partnershipgraph.board.Board;
import java.util.List;
import java.util.Map;

import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of actions. */
@Controller
public class ActionController {

    private final ActionQueries queries;

    ActionController(ActionQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Action action(@Argument String id) {
        return queries.action(id).orElse(null);
    }

    @QueryMapping
    public Connection<Action> actions(@Argument Integer first, @Argument String after, @Argument ActionFilter filter,
            @Argument ActionOrder orderBy) {
        return queries.actions(PageRequest.of(first, after), filter, orderBy);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, Object> owner(List<Action> actions) {
        return queries.owner(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, Board> accountableTo(List<Action> actions) {
        return queries.accountableTo(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<Object>> delivers(List<Action> actions) {
        return queries.delivers(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<Action>> dependsOn(List<Action> actions) {
        return queries.dependsOn(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<Action>> dependents(List<Action> actions) {
        return queries.dependents(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, Decision> decision(List<Action> actions) {
        return queries.decision(actions);
    }

    @BatchMapping(typeName = "Action")
    public Map<Action, List<Milestone>> milestones(List<Action> actions) {
        return queries.milestones(actions);
    }

    @BatchMapping(typeName = "Milestone", field = "action")
    public Map<Milestone, Action> milestoneAction(List<Milestone> milestones) {
        return queries.milestoneAction(milestones);
    }
}
