package org.partnershipgraph.progress;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Props;

/** A progress update of an action, as read. */
public record ProgressUpdate(LocalDate date, String status, String statusText, String rag, Integer percentComplete,
        String note, String author, LocalDate completedDate) {

    /** Reads a {@code :ProgressUpdate} node. */
    static ProgressUpdate from(Node n) {
        return new ProgressUpdate(Props.date(n, "date"), Props.str(n, "status"), Props.str(n, "statusText"),
                Props.str(n, "rag"), Props.integer(n, "percentComplete"), Props.str(n, "note"), Props.str(n, "author"),
                Props.date(n, "completedDate"));
    }
}
