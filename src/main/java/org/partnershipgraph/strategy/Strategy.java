package org.partnershipgraph.strategy;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A strategy or plan, as read. */
public record Strategy(String id, String title, String kind, String period, LocalDate startDate, LocalDate endDate,
        String vision) implements Identified {

    /** Reads a {@code :Strategy} node. */
    public static Strategy from(Node n) {
        return new Strategy(Props.str(n, "id"), Props.str(n, "title"), Props.str(n, "kind"), Props.str(n, "period"),
                Props.date(n, "startDate"), Props.date(n, "endDate"), Props.str(n, "vision"));
    }
}
