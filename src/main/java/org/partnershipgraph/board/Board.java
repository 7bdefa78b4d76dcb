package org.partnershipgraph.board;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A governance body, as read. */
public record Board(String id, String name, String shortName, List<String> aliases, String kind) implements Identified {

    /** Reads a {@code :Board} node. */
    public static Board from(Node n) {
        return new Board(Props.str(n, "id"), Props.str(n, "name"), Props.str(n, "shortName"),
                Props.strings(n, "aliases"), Props.str(n, "kind"));
    }
}
