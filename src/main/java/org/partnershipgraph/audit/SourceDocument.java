package org.partnershipgraph.audit;

import java.time.LocalDate;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.Props;

/** A public document the graph is built from, as read. */
public record SourceDocument(String id, String file, String title, String kind, LocalDate date, String publisher)
        implements Identified {

    /** Reads a {@code :SourceDocument} node. */
    public static SourceDocument from(Node n) {
        return new SourceDocument(Props.str(n, "id"), Props.str(n, "file"), Props.str(n, "title"),
                Props.str(n, "kind"), Props.date(n, "date"), Props.str(n, "publisher"));
    }
}
