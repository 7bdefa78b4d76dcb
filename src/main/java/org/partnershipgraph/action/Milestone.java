package org.partnershipgraph.action;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A checkpoint on the way to delivering an action, as read. */
public record Milestone(String id, String title, LocalDate dueDate, String timescale, LocalDate reachedDate)
        implements Identified {

    /** Reads a {@code :Milestone} node. */
    public static Milestone from(Node n) {
        return new Milestone(Props.str(n, "id"), Props.str(n, "title"), Props.date(n, "dueDate"), Props.str(n, "timescale"),
                Props.date(n, "reachedDate"));
    }
}
