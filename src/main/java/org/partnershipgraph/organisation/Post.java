package org.partnershipgraph.organisation;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A role at an organisation, as read. */
public record Post(String id, String title) implements Identified {

    /** Reads a {@code :Post} node. */
    public static Post from(Node n) {
        return new Post(Props.str(n, "id"), Props.str(n, "title"));
    }
}
