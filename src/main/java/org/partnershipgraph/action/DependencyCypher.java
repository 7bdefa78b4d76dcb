package org.partnershipgraph.action;

/**
 * Cypher of action dependencies. Closures use shortest-path search ({@code ANY SHORTEST}), so a
 * diamond-shaped graph costs one visit per action, never one per path. The depth cap is
 * {@link Dependencies#MAX_DEPTH}; the statements look one step further to tell a cut answer.
 */
final class DependencyCypher {

    private DependencyCypher() {
    }

    /**
     * Rows {@code key, items, cut}: for each {@code {id, depth}} in {@code $keys}, maps
     * {@code {action, distance}} of the actions it depends on within {@code depth} steps, nearest
     * first, and whether any lie further.
     */
    static final String UPSTREAM = """
            UNWIND $keys AS key
            MATCH (a:Action {id: key.id})
            CALL (a, key) {
              OPTIONAL MATCH p = ANY SHORTEST (a)-[:DEPENDS_ON]->{1,31}(b:Action)
              WITH b, length(p) AS distance WHERE b IS NOT NULL AND distance <= key.depth + 1
              ORDER BY distance, b.id
              RETURN collect({action: b, distance: distance}) AS hits
            }
            RETURN key, [h IN hits WHERE h.distance <= key.depth] AS items, any(h IN hits WHERE h.distance > key.depth) AS cut
            """;

    /** As {@link #UPSTREAM}, for the actions that depend on each action. */
    static final String DOWNSTREAM = """
            UNWIND $keys AS key
            MATCH (a:Action {id: key.id})
            CALL (a, key) {
              OPTIONAL MATCH p = ANY SHORTEST (a)<-[:DEPENDS_ON]-{1,31}(b:Action)
              WITH b, length(p) AS distance WHERE b IS NOT NULL AND distance <= key.depth + 1
              ORDER BY distance, b.id
              RETURN collect({action: b, distance: distance}) AS hits
            }
            RETURN key, [h IN hits WHERE h.distance <= key.depth] AS items, any(h IN hits WHERE h.distance > key.depth) AS cut
            """;

    /**
     * Rows {@code id, a, reached}: for each action id in {@code $ids} that has a due date and is
     * open, its node, and maps {@code {action, waitsOn}} of the actions downstream of it (to the
     * cap), each with the ids of the actions it depends on directly; {@link DelayImpact} works out
     * which slip.
     */
    static final String IMPACT = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})
            WHERE a.dueDate IS NOT NULL AND NOT coalesce(a.status, '') IN ['COMPLETE', 'CANCELLED']
            CALL (a) {
              OPTIONAL MATCH ANY SHORTEST (a)<-[:DEPENDS_ON]-{1,30}(b:Action)
              WITH b WHERE b IS NOT NULL
              RETURN collect({action: b, waitsOn: COLLECT { MATCH (b)-[:DEPENDS_ON]->(d:Action) RETURN d.id }}) AS reached
            }
            RETURN id, a, reached
            """;

    /**
     * Rows {@code id, items}: for each action id, the distinct upstream actions (to the cap) that are
     * AT_RISK, OFF_TRACK or CANCELLED, reached through steps that are neither COMPLETE nor CANCELLED;
     * none for an action that is itself COMPLETE or CANCELLED.
     */
    static final String BLOCKED_BY = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})
            CALL (a) {
              MATCH path = (a)-[:DEPENDS_ON*0..29]->(m)
              WHERE all(n IN nodes(path) WHERE NOT coalesce(n.status, '') IN ['COMPLETE', 'CANCELLED'])
              WITH DISTINCT m
              MATCH (m)-[:DEPENDS_ON]->(b:Action)
              WITH DISTINCT b WHERE b.status IN ['AT_RISK', 'OFF_TRACK', 'CANCELLED']
              ORDER BY b.dueDate, b.id
              RETURN collect(b) AS items
            }
            RETURN id, items
            """;

    /**
     * No rows: takes the write lock of the lock node {@code $name} (made on first use), held to the end
     * of the transaction, so that dependency additions check for cycles one at a time.
     */
    static final String LOCK_ALL = """
            MERGE (l:Lock {name: $name})
            SET l.takenAt = datetime()
            """;

    /**
     * One row {@code from, to, exists, toStatus, cycle}: whether both actions exist, whether
     * {@code $from} depends on {@code $to} already, the status of {@code $to}, and the ids along the
     * cycle that {@code $from} depending on {@code $to} would close (from, to, ..., from), or null.
     */
    static final String CYCLE_CHECK = """
            OPTIONAL MATCH (a:Action {id: $from})
            OPTIONAL MATCH (b:Action {id: $to})
            OPTIONAL MATCH p = ANY SHORTEST (b)-[:DEPENDS_ON]->{1,}(a)
            RETURN a IS NOT NULL AS from, b IS NOT NULL AS to,
                   a IS NOT NULL AND b IS NOT NULL AND EXISTS { (a)-[:DEPENDS_ON]->(b) } AS exists, b.status AS toStatus,
                   CASE WHEN a = b THEN [$from, $from]
                        WHEN p IS NULL THEN null
                        ELSE [$from] + [n IN nodes(p) | n.id] END AS cycle
            """;

    /** No rows: makes {@code $from} depend on {@code $to} (once). */
    static final String ADD = """
            MATCH (a:Action {id: $from})
            MATCH (b:Action {id: $to})
            MERGE (a)-[:DEPENDS_ON]->(b)
            """;

    /** One row {@code removed}: removes the dependency of {@code $from} on {@code $to}; how many were removed. */
    static final String REMOVE = """
            MATCH (:Action {id: $from})-[d:DEPENDS_ON]->(:Action {id: $to})
            DELETE d
            RETURN count(*) AS removed
            """;
}
