package org.partnershipgraph.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnershipgraph.board.Board;
import org.partnershipgraph.board.Decision;
import org.partnershipgraph.graphql.Batches;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.Connections;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.OrderDirection;
import org.partnershipgraph.graphql.PageRequest;
import org.partnershipgraph.graphql.TextInputs;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries of actions; each method is one Cypher round trip. */
@Component
@Transactional(readOnly = true)
class ActionQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    ActionQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<Action> action(String id) {
        return neo4j.query(ActionCypher.ACTION).bindAll(Map.of("id", id))
                .fetchAs(Action.class).mappedBy((t, r) -> Action.from(r.get("a").asNode())).one();
    }

    Connection<Action> actions(PageRequest page, ActionFilter filter, ActionOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", filter == null || filter.status() == null ? null
                : filter.status().stream().map(Enum::name).toList());
        params.put("rags", filter == null || filter.rag() == null ? null
                : filter.rag().stream().map(Enum::name).toList());
        params.put("dueBefore", filter == null ? null : filter.dueBefore());
        params.put("title", filter == null ? null : TextInputs.filter(filter.title()));
        params.put("owner", filter == null ? null : filter.owner());
        params.put("board", filter == null ? null : filter.board());
        params.put("strategy", filter == null ? null : filter.strategy());
        ActionOrder.Field field = order == null || order.field() == null ? ActionOrder.Field.DUE_DATE : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, ActionCypher.ACTIONS, params, page, field.name(), descending, Action::from);
    }

    Map<Action, Object> owner(List<Action> actions) {
        return Batches.single(neo4j, ActionCypher.OWNER, actions, (r, v) -> types.map(v.asNode()));
    }

    Map<Action, Board> accountableTo(List<Action> actions) {
        return Batches.single(neo4j, ActionCypher.ACCOUNTABLE_TO, actions, (r, v) -> Board.from(v.asNode()));
    }

    Map<Action, List<Object>> delivers(List<Action> actions) {
        return Batches.lists(neo4j, ActionCypher.DELIVERS, actions, (r, v) -> types.map(v.asNode()));
    }

    Map<Action, List<Action>> dependsOn(List<Action> actions) {
        return Batches.lists(neo4j, ActionCypher.DEPENDS_ON, actions, (r, v) -> Action.from(v.asNode()));
    }

    Map<Action, List<Action>> dependents(List<Action> actions) {
        return Batches.lists(neo4j, ActionCypher.DEPENDENTS, actions, (r, v) -> Action.from(v.asNode()));
    }

    Map<Action, List<Milestone>> milestones(List<Action> actions) {
        return Batches.lists(neo4j, ActionCypher.MILESTONES, actions, (r, v) -> Milestone.from(v.asNode()));
    }

    Map<Milestone, Action> milestoneAction(List<Milestone> milestones) {
        return Batches.single(neo4j, ActionCypher.MILESTONE_ACTION, milestones, (r, v) -> Action.from(v.asNode()));
    }

    Map<Action, Decision> decision(List<Action> actions) {
        return Batches.single(neo4j, ActionCypher.DECISION, actions, (r, v) -> Decision.from(v.asNode()));
    }
}
