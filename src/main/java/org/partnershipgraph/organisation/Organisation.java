package org.partnershipgraph.organisation;

import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** An organisation, as read. */
public record Organisation(String id, String name, String shortName, List<String> aliases, String kind)
        implements Identified {

    /** Reads an {@code :Organisation} node. */
    public static Organisation from(Node n) {
        return new Organisation(Props.str(n, "id"), Props.str(n, "name"), Props.str(n, "shortName"),
                Props.strings(n, "aliases"), Props.str(n, "kind"));
    }
}
