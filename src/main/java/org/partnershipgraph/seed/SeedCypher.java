package org.partnershipgraph.seed;

/** Cypher of the seed loader; every statement is idempotent ({@code MERGE} on business ids). */
final class SeedCypher {

    private SeedCypher() {
    }

    /** One row {@code seeded}: whether the database holds any entity yet. */
    static final String IS_SEEDED = """
            RETURN EXISTS { MATCH (:Node) } AS seeded
            """;

    /**
     * One row {@code changed, unchanged}: those of {@code $ids} that are actions in the database
     * already, split by whether the API has changed them (a version above 0) or not, read after
     * taking their write locks in id order (as a mutation takes its action's), so that a change
     * committing while the seed loads is either seen here or waits for the load to commit.
     */
    static final String EXISTING_ACTIONS = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})
            WITH a ORDER BY a.id
            SET a.writes = coalesce(a.writes, 0) + 1
            WITH collect(a) AS actions
            RETURN [a IN actions WHERE a.version > 0 | a.id] AS changed,
                   [a IN actions WHERE coalesce(a.version, 0) = 0 | a.id] AS unchanged
            """;

    /**
     * One row {@code kept}: those of {@code $ids} (milestones) the API has had in hand, whichever
     * action the seed now gives them: held under an action the API has changed (a version above 0),
     * or removed through the API (its {@code removeMilestone} history entry names it as the
     * {@code milestone} field's value before; the entries are read once, not per milestone).
     */
    static final String MILESTONES_THE_API_CHANGED = """
            CALL () {
                MATCH (h:HistoryEntry {operation: 'removeMilestone'})
                RETURN collect(h.changes) AS removals
            }
            UNWIND $ids AS id
            OPTIONAL MATCH (a:Action)-[:HAS_MILESTONE]->(:Milestone {id: id})
            WITH id, removals, collect(a) AS actions
            WHERE any(a IN actions WHERE a.version > 0)
               OR any(changes IN removals WHERE changes CONTAINS '{"field":"milestone","before":"' + id + '"')
            RETURN collect(id) AS kept
            """;

    /**
     * One row {@code changed}: those of {@code $ids} that are meetings or decisions the API has
     * corrected (a version above 0), read after taking their write locks in id order, as
     * {@code EXISTING_ACTIONS} does for actions.
     */
    static final String CORRECTED_RECORDS = """
            UNWIND $ids AS id
            MATCH (n:Node {id: id}) WHERE n:Meeting OR n:Decision
            WITH n ORDER BY n.id
            SET n.writes = coalesce(n.writes, 0) + 1
            WITH n WHERE n.version > 0
            RETURN collect(n.id) AS changed
            """;

    /**
     * No rows: each {@code $rows} entry {@code {id, props}}, an action at version 0, takes exactly
     * the seed's properties, keeping its lock count ({@code writes}).
     */
    static final String RESTATE_ACTIONS = """
            UNWIND $rows AS row
            MATCH (a:Action {id: row.id})
            WITH a, row, a.writes AS writes
            SET a = row.props, a.version = 0, a.writes = writes
            """;

    /**
     * Rows {@code seed, existing}: for each {@code $rows} entry {@code {id, board, date, title}} (a
     * meeting of the seed), a meeting already in the database under another id (not among
     * {@code $ids}, the seed's meetings) of the same board on the same date with the same title,
     * case and surrounding spaces aside, as {@code recordMeeting} compares them. A seed meeting the
     * API has corrected (version above 0) is kept as it is, so its record's date and title are not
     * compared: another meeting may have been recorded on them since.
     */
    static final String MEETINGS_RECORDED_ELSEWHERE = """
            UNWIND $rows AS row
            WITH row WHERE NOT EXISTS { MATCH (kept:Meeting {id: row.id}) WHERE kept.version > 0 }
            MATCH (m:Meeting)-[:OF]->(:Board {id: row.board})
            WHERE m.date = row.date AND NOT m.id IN $ids
              AND toLower(trim(coalesce(m.title, ''))) = toLower(trim(coalesce(row.title, '')))
            RETURN row.id AS seed, m.id AS existing
            ORDER BY seed, existing
            """;

    /**
     * Rows {@code seed, existing}: for each {@code $rows} entry {@code {id, meeting, text, number}} (a
     * decision of the seed), when the database does not hold it yet, a decision its meeting already
     * took under another id (not among {@code $ids}, the seed's decisions) with the same text and a
     * matching number, case and surrounding spaces aside (a missing number on either side matches
     * any), as {@code recordDecision} compares them.
     */
    static final String DECISIONS_RECORDED_ELSEWHERE = """
            UNWIND $rows AS row
            WITH row WHERE NOT EXISTS { MATCH (:Decision {id: row.id}) }
            MATCH (:Meeting {id: row.meeting})-[:DECIDED]->(d:Decision)
            WHERE NOT d.id IN $ids AND toLower(trim(d.text)) = toLower(trim(row.text))
              AND (row.number IS NULL OR d.number IS NULL OR toLower(trim(d.number)) = toLower(trim(row.number)))
            RETURN row.id AS seed, d.id AS existing
            ORDER BY seed, existing
            """;

    /** No rows: the first progress update of each action in {@code $ids} states again what its action states. */
    static final String RESTATE_FIRST_UPDATES = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})-[:HAS_UPDATE]->(u:ProgressUpdate {id: id + '-as-stated'})
            SET u.date = a.asOf, u.status = a.status, u.statusText = a.statusText, u.rag = a.rag,
                u.completedDate = CASE WHEN a.status = 'COMPLETE' AND a.completedDate <= a.asOf THEN a.completedDate END
            """;

    /**
     * No rows: creates or updates one node per {@code $rows} entry {@code {id, label, props}}, which
     * then has exactly the seed's properties (a field the seed no longer gives is removed) beside
     * what the service keeps on it ({@code version}, {@code seq}, and {@code writes}, its lock);
     * actions start at version 0.
     */
    static final String MERGE_NODES = """
            UNWIND $rows AS row
            MERGE (n:Node {id: row.id})
            WITH n, row, n.version AS version, n.seq AS seq, n.writes AS writes
            SET n = row.props
            SET n:$(row.label)
            SET n.version = CASE WHEN row.label = 'Action' THEN coalesce(version, 0) ELSE version END, n.seq = seq, n.writes = writes
            """;

    /** No rows: creates one relationship per {@code $rows} entry {@code {from, to, type, props}}. */
    static final String MERGE_RELATIONS = """
            UNWIND $rows AS row
            MATCH (a:Node {id: row.from})
            MATCH (b:Node {id: row.to})
            MERGE (a)-[r:$(row.type)]->(b)
            SET r += row.props
            """;

    /** No rows: one {@code REPORTS_TO} per {@code $rows} entry, keyed by its relation, carrying its sources. */
    static final String MERGE_REPORTING_LINES = """
            UNWIND $rows AS row
            MATCH (a:Board {id: row.from})
            MATCH (b:Board {id: row.to})
            MERGE (a)-[r:REPORTS_TO {relation: row.relation}]->(b)
            SET r.documents = row.documents, r.lines = row.lines, r.quotes = row.quotes, r.asOf = row.asOf
            """;

    /**
     * No rows: removes the holdings ({@code HOLDS} now, {@code HELD} before) of each {@code $rows}
     * entry {@code {post, keys}} (a post the seed defines) whose {@code type:personId} is not among
     * its {@code keys}, the holdings the seed now gives it; only the seed writes holdings.
     */
    static final String DROP_STALE_HOLDINGS = """
            UNWIND $rows AS row
            MATCH (:Post {id: row.post})<-[h:HOLDS|HELD]-(p:Person)
            WHERE NOT type(h) + ':' + p.id IN row.keys
            DELETE h
            """;

    /**
     * No rows: removes the citations of each {@code $rows} entry {@code {id, keys}} (an entity the
     * seed defines or cites) whose {@code doc:lines:quote} is not among its {@code keys}, the
     * citations the seed now gives it; every {@code CITED_IN} comes from the seed.
     */
    static final String DROP_STALE_CITATIONS = """
            UNWIND $rows AS row
            MATCH (:Node {id: row.id})-[c:CITED_IN]->(d:SourceDocument)
            WHERE NOT d.id + ':' + c.lines + ':' + coalesce(c.quote, '') IN row.keys
            DELETE c
            """;

    /**
     * No rows: one {@code CITED_IN} per distinct {@code $rows} entry {@code {id, doc, lines,
     * firstLine, quote}}, made unless the entity already has it (same lines and quote), so several
     * quotes from the same lines are each kept.
     */
    static final String MERGE_CITATIONS = """
            UNWIND $rows AS row
            MATCH (n:Node {id: row.id})
            MATCH (d:SourceDocument {id: row.doc})
            CALL (n, d, row) {
              OPTIONAL MATCH (n)-[c:CITED_IN {lines: row.lines}]->(d) WHERE coalesce(c.quote, '') = coalesce(row.quote, '')
              WITH collect(c) AS existing
              FOREACH (c IN existing | SET c.firstLine = row.firstLine)
              FOREACH (missing IN CASE WHEN size(existing) = 0 THEN [1] ELSE [] END |
                CREATE (n)-[:CITED_IN {lines: row.lines, firstLine: row.firstLine, quote: row.quote}]->(d))
            }
            """;

    /**
     * No rows: each action in {@code $ids} gets its first progress update, the status its source
     * document states as of the document's date; kept once loaded, so later updates stay on top.
     */
    static final String FIRST_UPDATES = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})
            MERGE (u:ProgressUpdate {id: id + '-as-stated'})
            ON CREATE SET u.date = a.asOf, u.status = a.status, u.statusText = a.statusText, u.rag = a.rag,
                          u.completedDate = CASE WHEN a.status = 'COMPLETE' AND a.completedDate <= a.asOf THEN a.completedDate END,
                          u.seq = 0, u.author = 'seed-data', u.note = 'Status as the source document states it'
            MERGE (a)-[:HAS_UPDATE]->(u)
            """;
}
