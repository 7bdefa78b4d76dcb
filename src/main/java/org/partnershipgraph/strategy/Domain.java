package org.partnershipgraph.strategy;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** The first level of a strategy's structure, as read. */
public record Domain(String id, Integer number, String term, String title) implements Identified {

    /** Reads a {@code :Domain} node. */
    public static Domain from(Node n) {
        return new Domain(Props.str(n, "id"), Props.integer(n, "number"), Props.str(n, "term"), Props.str(n, "title"));
    }
}
