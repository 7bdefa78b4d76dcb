package org.partnershipgraph.board;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;
import org.partnershipgraph.audit.Source;
import org.partnershipgraph.graphql.Props;

/** One stated reporting line from a body to a parent body, with the documents that state it. */
public record ReportingLine(Board board, String relation, List<Source> sources, LocalDate asOf) {

    /** Reads a map {@code {board, relation, asOf, sources}} from {@link BoardCypher#REPORTING_LINES}. */
    static ReportingLine from(Value v) {
        return new ReportingLine(Board.from(v.get("board").asNode()), v.get("relation").asString(),
                Source.list(v.get("sources")), Props.date(v, "asOf"));
    }
}
