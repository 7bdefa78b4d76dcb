package org.partnershipgraph.board;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A decision a meeting took, as read. */
public record Decision(String id, String number, String text, long version) implements Identified {

    /** Reads a {@code :Decision} node. */
    public static Decision from(Node n) {
        return new Decision(Props.str(n, "id"), Props.str(n, "number"), Props.str(n, "text"), Props.longOr(n, "version", 0));
    }
}
