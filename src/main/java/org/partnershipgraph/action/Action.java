package org.partnershipgraph.action;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** An action or commitment, as read. */
public record Action(String id, String title, String description, String kind, String status, String statusText,
        String rag, LocalDate asOf, LocalDate dueDate, String timescale, LocalDate startDate, LocalDate completedDate,
        String ownerText, Integer leadTimeDays, Double weight, long version) implements Identified {

    /** Reads an {@code :Action} node. */
    public static Action from(Node n) {
        return new Action(Props.str(n, "id"), Props.str(n, "title"), Props.str(n, "description"),
                Props.str(n, "kind"), Props.str(n, "status"), Props.str(n, "statusText"), Props.str(n, "rag"),
                Props.date(n, "asOf"), Props.date(n, "dueDate"), Props.str(n, "timescale"),
                Props.date(n, "startDate"), Props.date(n, "completedDate"), Props.str(n, "ownerText"),
                Props.integer(n, "leadTimeDays"), Props.dbl(n, "weight"), Props.longOr(n, "version", 0));
    }
}
