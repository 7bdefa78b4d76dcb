package org.partnershipgraph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Session;

/**
 * What the tests on synthetic graphs share: writing the graph a test needs. A subclass chooses
 * its database: {@link SyntheticGraphTestBase} for the one most share, or its own
 * ({@link #emptyDatabase}) when it needs other properties, and so another context.
 */
public abstract class SyntheticGraphTestSupport extends ServiceTestBase {

    /** Deletes everything. */
    protected void clear() {
        write("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", Map.of(), true);
    }

    /**
     * Creates actions {@code {id, title, status, dueDate, asOf, rag?}}, each with its first progress
     * update on {@code asOf}, as the seed loader would.
     */
    protected void actions(List<Map<String, Object>> rows) {
        for (List<Map<String, Object>> chunk : chunks(rows)) {
            write("""
                UNWIND $rows AS row
                CREATE (a:Action:Node {id: row.id, title: row.title, kind: 'COMMITMENT', status: row.status,
                                       rag: row.rag, dueDate: row.dueDate, asOf: row.asOf, version: 0})
                CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: row.id + '-as-stated', date: row.asOf,
                                                            status: row.status, rag: row.rag, seq: 0, author: 'test'})
                """, Map.of("rows", chunk), false);
        }
    }

    /** Creates actions titled by their ids, all with {@code status}, due {@code dueDate}, as stated on {@code asOf}. */
    protected void actions(List<String> ids, String status, LocalDate dueDate, LocalDate asOf) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(actionRow(id, status, dueDate, asOf));
        }
        actions(rows);
    }

    /** One row for {@link #actions(List)}: an action titled by its id. */
    protected static Map<String, Object> actionRow(String id, String status, LocalDate dueDate, LocalDate asOf) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("title", id);
        row.put("status", status);
        row.put("dueDate", dueDate);
        row.put("asOf", asOf);
        return row;
    }

    /** Creates {@code (from)-[:type]->(to)} for each {@code {from, to}}. */
    protected void relate(String type, List<Map<String, Object>> pairs) {
        for (List<Map<String, Object>> chunk : chunks(pairs)) {
            write("""
                    UNWIND $rows AS row
                    MATCH (a:Node {id: row.from}), (b:Node {id: row.to})
                    CREATE (a)-[:$(row.type)]->(b)
                    """, Map.of("rows", chunk.stream().map(p -> Map.<String, Object>of("from", p.get("from"),
                    "to", p.get("to"), "type", type)).toList()), false);
        }
    }

    /** Rows in slices small enough for the embedded server's per-transaction memory limit. */
    private static List<List<Map<String, Object>>> chunks(List<Map<String, Object>> rows) {
        List<List<Map<String, Object>>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
        return chunks;
    }

    /** Runs a write statement. */
    protected void write(String cypher, Map<String, Object> params, boolean implicit) {
        try (Session session = driver.session()) {
            if (implicit) {
                session.run(cypher, params).consume();
            } else {
                session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
            }
        }
    }
}
