package org.partnershipgraph.strategy;

import java.util.List;
import java.util.Map;

import org.partnershipgraph.action.Action;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of strategies, domains, priorities and indicators. */
@Controller
public class StrategyController {

    private final StrategyQueries queries;

    StrategyController(StrategyQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public Strategy strategy(@Argument String id) {
        return queries.strategy(id).orElse(null);
    }

    @QueryMapping
    public Connection<Strategy> strategies(@Argument Integer first, @Argument String after,
            @Argument StrategyFilter filter, @Argument StrategyOrder orderBy) {
        return queries.strategies(PageRequest.of(first, after), filter, orderBy);
    }

    @QueryMapping
    public Connection<Indicator> indicators(@Argument Integer first, @Argument String after,
            @Argument IndicatorFilter filter, @Argument IndicatorOrder orderBy) {
        return queries.indicators(PageRequest.of(first, after), filter, orderBy);
    }

    @BatchMapping(typeName = "Strategy")
    public Map<Strategy, List<Object>> owners(List<Strategy> strategies) {
        return queries.owners(strategies);
    }

    @BatchMapping(typeName = "Strategy")
    public Map<Strategy, List<Domain>> domains(List<Strategy> strategies) {
        return queries.domains(strategies);
    }

    @BatchMapping(typeName = "Strategy", field = "actions")
    public Map<Strategy, List<Action>> strategyActions(List<Strategy> strategies) {
        return queries.actions(strategies);
    }

    @BatchMapping(typeName = "Strategy", field = "indicators")
    public Map<Strategy, List<Indicator>> strategyIndicators(List<Strategy> strategies) {
        return queries.indicatorsOf(strategies);
    }

    @BatchMapping(typeName = "Domain", field = "strategy")
    public Map<Domain, Strategy> domainStrategy(List<Domain> domains) {
        return queries.domainStrategy(domains);
    }

    @BatchMapping(typeName = "Domain")
    public Map<Domain, List<Priority>> priorities(List<Domain> domains) {
        return queries.priorities(domains);
    }

    @BatchMapping(typeName = "Domain", field = "actions")
    public Map<Domain, List<Action>> domainActions(List<Domain> domains) {
        return queries.actions(domains);
    }

    @BatchMapping(typeName = "Domain", field = "indicators")
    public Map<Domain, List<Indicator>> domainIndicators(List<Domain> domains) {
        return queries.indicatorsOf(domains);
    }

    @BatchMapping(typeName = "Priority", field = "domain")
    public Map<Priority, Domain> priorityDomain(List<Priority> priorities) {
        return queries.priorityDomain(priorities);
    }

    @BatchMapping(typeName = "Priority", field = "actions")
    public Map<Priority, List<Action>> priorityActions(List<Priority> priorities) {
        return queries.actions(priorities);
    }

    @BatchMapping(typeName = "Priority", field = "indicators")
    public Map<Priority, List<Indicator>> priorityIndicators(List<Priority> priorities) {
        return queries.indicatorsOf(priorities);
    }

    @BatchMapping(typeName = "Indicator")
    public Map<Indicator, List<Object>> measures(List<Indicator> indicators) {
        return queries.measures(indicators);
    }
}
