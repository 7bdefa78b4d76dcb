package org.partnershipgraph.strategy;

import org.partnershipgraph.action.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnershipgraph.graphql.Batches;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.Connections;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.OrderDirection;
import org.partnershipgraph.graphql.PageRequest;
import org.partnershipgraph.graphql.TextInputs;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries of strategies, domains, priorities and indicators; each method is one Cypher round trip. */
@Component
@Transactional(readOnly = true)
class StrategyQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    StrategyQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<Strategy> strategy(String id) {
        return neo4j.query(StrategyCypher.STRATEGY).bindAll(Map.of("id", id))
                .fetchAs(Strategy.class).mappedBy((t, r) -> Strategy.from(r.get("s").asNode())).one();
    }

    Connection<Strategy> strategies(PageRequest page, StrategyFilter filter, StrategyOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("kinds", filter == null || filter.kind() == null ? null
                : filter.kind().stream().map(Enum::name).toList());
        params.put("title", filter == null ? null : TextInputs.filter(filter.title()));
        params.put("owner", filter == null ? null : filter.owner());
        StrategyOrder.Field field = order == null || order.field() == null ? StrategyOrder.Field.TITLE : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, StrategyCypher.STRATEGIES, params, page, field.name(), descending,
                Strategy::from);
    }

    Connection<Indicator> indicators(PageRequest page, IndicatorFilter filter, IndicatorOrder order) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", filter == null ? null : TextInputs.filter(filter.name()));
        params.put("measures", filter == null ? null : filter.measures());
        IndicatorOrder.Field field = order == null || order.field() == null ? IndicatorOrder.Field.NAME : order.field();
        boolean descending = order != null && order.direction() == OrderDirection.DESC;
        return Connections.page(neo4j, StrategyCypher.INDICATORS, params, page, field.name(), descending,
                Indicator::from);
    }

    Map<Strategy, List<Object>> owners(List<Strategy> strategies) {
        return Batches.lists(neo4j, StrategyCypher.OWNERS, strategies, (r, v) -> types.map(v.asNode()));
    }

    Map<Strategy, List<Domain>> domains(List<Strategy> strategies) {
        return Batches.lists(neo4j, StrategyCypher.DOMAINS, strategies, (r, v) -> Domain.from(v.asNode()));
    }

    <P extends Identified> Map<P, List<Action>> actions(List<P> parts) {
        return Batches.lists(neo4j, StrategyCypher.ACTIONS, parts, (r, v) -> Action.from(v.asNode()));
    }

    <P extends Identified> Map<P, List<Indicator>> indicatorsOf(List<P> parts) {
        return Batches.lists(neo4j, StrategyCypher.INDICATORS_OF, parts, (r, v) -> Indicator.from(v.asNode()));
    }

    Map<Domain, Strategy> domainStrategy(List<Domain> domains) {
        return Batches.single(neo4j, StrategyCypher.DOMAIN_STRATEGY, domains, (r, v) -> Strategy.from(v.asNode()));
    }

    Map<Domain, List<Priority>> priorities(List<Domain> domains) {
        return Batches.lists(neo4j, StrategyCypher.PRIORITIES, domains, (r, v) -> Priority.from(v.asNode()));
    }

    Map<Priority, Domain> priorityDomain(List<Priority> priorities) {
        return Batches.single(neo4j, StrategyCypher.PRIORITY_DOMAIN, priorities, (r, v) -> Domain.from(v.asNode()));
    }

    Map<Indicator, List<Object>> measures(List<Indicator> indicators) {
        return Batches.lists(neo4j, StrategyCypher.MEASURES, indicators, (r, v) -> types.map(v.asNode()));
    }
}
