package org.partnershipgraph.board;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A meeting of a body, as read. */
public record Meeting(String id, LocalDate date, String title, String location, long version) implements Identified {

    /** Reads a {@code :Meeting} node. */
    public static Meeting from(Node n) {
        return new Meeting(Props.str(n, "id"), Props.date(n, "date"), Props.str(n, "title"), Props.str(n, "location"),
                Props.longOr(n, "version", 0));
    }
}
