package org.partnershipgraph.accountability;

import java.time.Clock;
import java.time.LocalDate;

import org.partnershipgraph.action.Action;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fields of accountability. */
@Controller
public class AccountabilityController {

    private final AccountabilityQueries queries;
    private final Clock clock;

    AccountabilityController(AccountabilityQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    public AccountabilityChain accountabilityChain(@Argument String actionId) {
        return queries.chain(actionId).orElse(null);
    }

    @QueryMapping
    public Connection<Action> commitments(@Argument String holderId, @Argument Boolean transitive,
            @Argument Integer first, @Argument String after) {
        return queries.commitments(holderId, Boolean.TRUE.equals(transitive), PageRequest.of(first, after));
    }

    @QueryMapping
    public Connection<Action> unownedActions(@Argument Integer first, @Argument String after) {
        return queries.unowned(PageRequest.of(first, after));
    }

    @QueryMapping
    public Connection<Action> overdueActions(@Argument LocalDate asOf, @Argument Integer first, @Argument String after) {
        return queries.overdue(asOf == null ? LocalDate.now(clock) : asOf, PageRequest.of(first, after));
    }
}
