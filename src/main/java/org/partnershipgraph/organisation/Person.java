package org.partnershipgraph.organisation;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A person as the documents name them, as read. */
public record Person(String id, String name) implements Identified {

    /** Reads a {@code :Person} node. */
    public static Person from(Node n) {
        return new Person(Props.str(n, "id"), Props.str(n, "name"));
    }
}
