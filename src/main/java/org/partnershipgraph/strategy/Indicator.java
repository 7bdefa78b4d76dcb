package org.partnershipgraph.strategy;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A measure with baseline, target and value, as read. */
public record Indicator(String id, String name, String unit, Double baseline, LocalDate baselineDate, Double target,
        LocalDate targetDate, Double value, LocalDate valueDate, String valueText) implements Identified {

    /** Reads an {@code :Indicator} node. */
    public static Indicator from(Node n) {
        return new Indicator(Props.str(n, "id"), Props.str(n, "name"), Props.str(n, "unit"), Props.dbl(n, "baseline"),
                Props.date(n, "baselineDate"), Props.dbl(n, "target"), Props.date(n, "targetDate"),
                Props.dbl(n, "value"), Props.date(n, "valueDate"), Props.str(n, "valueText"));
    }
}
