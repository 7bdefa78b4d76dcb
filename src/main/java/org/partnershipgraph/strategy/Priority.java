package org.partnershipgraph.strategy;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** The second level of a strategy's structure, as read. */
public record Priority(String id, String number, String title) implements Identified {

    /** Reads a {@code :Priority} node. */
    public static Priority from(Node n) {
        return new Priority(Props.str(n, "id"), Props.str(n, "number"), Props.str(n, "title"));
    }
}
