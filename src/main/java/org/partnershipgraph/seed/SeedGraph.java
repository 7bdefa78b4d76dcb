package org.partnershipgraph.seed;

import java.util.List;
import java.util.Map;

/**
 * Validated seed data, shaped as the parameters of {@link SeedCypher}'s statements.
 *
 * @param nodes      {@code {id, label, props}} per entity
 * @param relations  {@code {from, to, type, props, record}} per reference, {@code record} the id of the record that states it
 * @param reportsTo  {@code {from, to, relation, documents, lines, quotes, asOf}} per reporting line
 * @param citations  {@code {id, doc, lines, firstLine, quote}} per source
 * @param counts     records per type, for the log
 * @param origins    where each entity's record is, by id, for problems found against the database
 */
record SeedGraph(List<Map<String, Object>> nodes, List<Map<String, Object>> relations,
        List<Map<String, Object>> reportsTo, List<Map<String, Object>> citations, Map<String, Integer> counts,
        Map<String, Origin> origins) {

    /** A record's file and line. */
    record Origin(String file, int line) {
    }
}
