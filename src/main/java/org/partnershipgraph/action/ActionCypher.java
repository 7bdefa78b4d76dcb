package org.partnershipgraph.action;

import java.util.List;

/** Cypher of the action feature. */
final class ActionCypher {

    private ActionCypher() {
    }

    /** No rows: constraints, the indexes the action filters use, and the uniqueness of lock nodes (see {@code DependencyCypher.LOCK_ALL}). */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT action_id IF NOT EXISTS FOR (n:Action) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT milestone_id IF NOT EXISTS FOR (n:Milestone) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX action_status IF NOT EXISTS FOR (n:Action) ON (n.status)",
            "CREATE INDEX action_rag IF NOT EXISTS FOR (n:Action) ON (n.rag)",
            "CREATE INDEX action_due_date IF NOT EXISTS FOR (n:Action) ON (n.dueDate)",
            "CREATE INDEX action_title IF NOT EXISTS FOR (n:Action) ON (n.title)",
            "CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (n:Lock) REQUIRE n.name IS UNIQUE");

    /** One row {@code a}: the action with id {@code $id}. */
    static final String ACTION = """
            MATCH (a:Action {id: $id})
            RETURN a
            """;

    /**
     * One row {@code total, items}: actions matching the filter, sorted (undated actions last in
     * either direction; statuses in the order {@code ActionStatus} declares), one page of nodes. The
     * candidates come from the first filter given of board, owner, strategy and status (through
     * its relationships or index), not from a scan of every action.
     */
    static final String ACTIONS = """
            CALL () {
                WITH $board AS board WHERE board IS NOT NULL
                MATCH (:Board {id: board})<-[:ACCOUNTABLE_TO]-(a:Action)
                RETURN a
              UNION
                WITH $board AS board, $owner AS owner WHERE board IS NULL AND owner IS NOT NULL
                MATCH (:Node {id: owner})<-[:OWNED_BY]-(a:Action)
                RETURN a
              UNION
                WITH $board AS board, $owner AS owner, $strategy AS strategy
                WHERE board IS NULL AND owner IS NULL AND strategy IS NOT NULL
                MATCH (:Strategy {id: strategy})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action)
                RETURN a
              UNION
                WITH $board AS board, $owner AS owner, $strategy AS strategy, $statuses AS statuses
                WHERE board IS NULL AND owner IS NULL AND strategy IS NULL AND statuses IS NOT NULL
                UNWIND statuses AS status
                MATCH (a:Action {status: status})
                RETURN a
              UNION
                WITH $board AS board, $owner AS owner, $strategy AS strategy, $statuses AS statuses
                WHERE board IS NULL AND owner IS NULL AND strategy IS NULL AND statuses IS NULL
                MATCH (a:Action)
                RETURN a
            }
            WITH a
            WHERE ($statuses IS NULL OR a.status IN $statuses)
              AND ($rags IS NULL OR a.rag IN $rags)
              AND ($dueBefore IS NULL OR a.dueDate < $dueBefore)
              AND ($title IS NULL OR replace(replace(toLower(a.title), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($title), '’', "'"), 'i\u0307', 'i'))
              AND ($owner IS NULL OR EXISTS { (a)-[:OWNED_BY]->(:Node {id: $owner}) })
              AND ($strategy IS NULL
                   OR EXISTS { (a)-[:DELIVERS]->()<-[:HAS_DOMAIN|HAS_PRIORITY*0..2]-(:Strategy {id: $strategy}) })
            WITH a, CASE $sortField
                      WHEN 'DUE_DATE' THEN toString(a.dueDate)
                      WHEN 'TITLE' THEN toLower(a.title)
                      WHEN 'STATUS' THEN CASE a.status WHEN 'NOT_STARTED' THEN '1' WHEN 'IN_PROGRESS' THEN '2' WHEN 'AT_RISK' THEN '3'
                                         WHEN 'OFF_TRACK' THEN '4' WHEN 'COMPLETE' THEN '5' WHEN 'ON_HOLD' THEN '6'
                                         WHEN 'CANCELLED' THEN '7' ELSE '8' END
                      ELSE a.id END AS sortKey
            ORDER BY sortKey IS NULL, CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, a.id
            WITH collect(a) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** Rows {@code id, items}: for each action id, its owner node of any holder label (at most one). */
    static final String OWNER = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:OWNED_BY]->(owner)
            RETURN id, collect(owner)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each action id, the body it is accountable to (at most one). */
    static final String ACCOUNTABLE_TO = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:ACCOUNTABLE_TO]->(b:Board)
            RETURN id, collect(b)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each action id, the strategies, domains or priorities it delivers. */
    static final String DELIVERS = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:DELIVERS]->(x)
            WITH id, x ORDER BY x.id
            RETURN id, collect(x) AS items
            """;

    /** Rows {@code id, items}: for each action id, its milestones, by due date (undated last), then id. */
    static final String MILESTONES = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:HAS_MILESTONE]->(m:Milestone)
            WITH id, m ORDER BY m.dueDate IS NULL, m.dueDate, m.id
            RETURN id, collect(m) AS items
            """;

    /** One row {@code m}: a new milestone {@code $milestone} of action {@code $id} (no row when there is no such action). */
    static final String ADD_MILESTONE = """
            MATCH (a:Action {id: $id})
            CREATE (a)-[:HAS_MILESTONE]->(m:Milestone:Node {id: $milestone, title: $title, dueDate: $dueDate,
                                                           timescale: $timescale})
            RETURN m
            """;

    /** One row {@code m, action}: milestone {@code $id} and the id of its action, or no row. */
    static final String MILESTONE = """
            MATCH (a:Action)-[:HAS_MILESTONE]->(m:Milestone {id: $id})
            RETURN m, a.id AS action
            """;

    /** One row {@code id, reachedDate}: the milestone of action {@code $id} reached first (ties by id), or no row. */
    static final String FIRST_REACHED_MILESTONE = """
            MATCH (:Action {id: $id})-[:HAS_MILESTONE]->(m:Milestone)
            WHERE m.reachedDate IS NOT NULL
            RETURN m.id AS id, m.reachedDate AS reachedDate
            ORDER BY reachedDate, id
            LIMIT 1
            """;

    /** One row {@code m}: milestone {@code $id} reached on {@code $reachedDate}. */
    static final String REACH_MILESTONE = """
            MATCH (m:Milestone {id: $id})
            SET m.reachedDate = $reachedDate
            RETURN m
            """;

    /** One row {@code m}: milestone {@code $id} with title {@code $title}, due date {@code $dueDate} and timescale {@code $timescale}. */
    static final String UPDATE_MILESTONE = """
            MATCH (m:Milestone {id: $id})
            SET m.title = $title, m.dueDate = $dueDate, m.timescale = $timescale
            RETURN m
            """;

    /**
     * One row {@code sources}: deletes milestone {@code $id} with its relationships (to its action
     * and its citations), and returns its citations as they were, each as
     * {@code "doc lines first-last: quote"}, by document and first line.
     */
    static final String REMOVE_MILESTONE = """
            MATCH (m:Milestone {id: $id})
            OPTIONAL MATCH (m)-[c:CITED_IN]->(d:SourceDocument)
            WITH m, c, d ORDER BY d.id, c.firstLine, c.lines, c.quote
            WITH m, collect(d.id + ' lines ' + c.lines + coalesce(': ' + c.quote, '')) AS sources
            DETACH DELETE m
            RETURN sources
            """;

    /** Rows {@code id, items}: for each milestone id, the action it belongs to (at most one). */
    static final String MILESTONE_ACTION = """
            UNWIND $ids AS id
            MATCH (:Milestone {id: id})<-[:HAS_MILESTONE]-(a:Action)
            RETURN id, collect(a)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each action id, the actions it directly depends on. */
    static final String DEPENDS_ON = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:DEPENDS_ON]->(b:Action)
            WITH id, b ORDER BY b.dueDate, b.id
            RETURN id, collect(b) AS items
            """;

    /** Rows {@code id, items}: for each action id, the actions that directly depend on it. */
    static final String DEPENDENTS = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})<-[:DEPENDS_ON]-(b:Action)
            WITH id, b ORDER BY b.dueDate, b.id
            RETURN id, collect(b) AS items
            """;

    /** Rows {@code id, items}: for each action id, the decision that created it (at most one). */
    static final String DECISION = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})<-[:CREATED]-(d:Decision)
            RETURN id, collect(d)[0..1] AS items
            """;

    /**
     * One row {@code locked}: takes the write locks of the nodes {@code $ids} in id order, so that
     * what this transaction reads next is current and concurrent changes queue behind it.
     */
    static final String LOCK = """
            MATCH (n:Node) WHERE n.id IN $ids
            WITH n ORDER BY n.id
            SET n.writes = coalesce(n.writes, 0) + 1
            RETURN count(n) AS locked
            """;

    /**
     * One row {@code a, board, owner}: action {@code $id} (null when there is none; the node a
     * mutation maps into its entity), the id of its accountable board, and its owner as a map
     * {@code {id, board}} ({@code board} true when the owner is a board), each null when none.
     */
    static final String CONTEXT = """
            OPTIONAL MATCH (a:Action {id: $id})
            RETURN a,
                   COLLECT { MATCH (a)-[:ACCOUNTABLE_TO]->(b:Board) RETURN b.id }[0] AS board,
                   COLLECT { MATCH (a)-[:OWNED_BY]->(o) RETURN {id: o.id, board: o:Board} }[0] AS owner
            """;

    /**
     * No rows: notes on history entry {@code $entry} the boards {@code $boards} its change took the
     * action away from, so that their subscribers hear of it (see {@link #CHANGES}).
     */
    static final String FORMER_BOARDS = """
            MATCH (h:HistoryEntry {id: $entry})
            SET h.formerBoards = $boards
            """;

    /**
     * One row {@code date}: the date of action {@code $id}'s latest progress update that had it
     * open or cancelled (neither COMPLETE nor UNKNOWN), null when it has none.
     */
    static final String LAST_OPEN_UPDATE = """
            MATCH (a:Action {id: $id})
            RETURN COLLECT { MATCH (a)-[:HAS_UPDATE]->(u:ProgressUpdate) WHERE NOT u.status IN ['COMPLETE', 'UNKNOWN']
                             RETURN u.date ORDER BY u.date DESC LIMIT 1 }[0] AS date
            """;

    /**
     * One row {@code existing}: takes the write lock of board {@code $board} (so that two creations
     * of the same action are checked one at a time), then the id of an action accountable to it with
     * the title {@code $title} (case and surrounding spaces aside), agreed on {@code $asOf} (the date
     * of its first update, which later progress leaves as it is), due on {@code $dueDate} and created
     * by the decision {@code $decision} (none when null), or null.
     */
    static final String SAME_ACTION = """
            MATCH (b:Board {id: $board})
            SET b.writes = coalesce(b.writes, 0) + 1
            RETURN COLLECT { MATCH (a:Action)-[:ACCOUNTABLE_TO]->(b)
                             WHERE toLower(trim(a.title)) = toLower(trim($title))
                                   AND COLLECT { MATCH (a)-[:HAS_UPDATE]->(u)
                                                 RETURN u.date ORDER BY u.date, u.seq LIMIT 1 }[0] = $asOf
                                   AND (a.dueDate = $dueDate OR a.dueDate IS NULL AND $dueDate IS NULL)
                                   AND CASE WHEN $decision IS NULL THEN NOT EXISTS { (:Decision)-[:CREATED]->(a) }
                                            ELSE EXISTS { (:Decision {id: $decision})-[:CREATED]->(a) } END
                             RETURN a.id ORDER BY a.id }[0] AS existing
            """;

    /** No rows: makes action {@code $id} accountable to board {@code $board}, and to no other body. */
    static final String SET_ACCOUNTABLE = """
            MATCH (a:Action {id: $id})
            MATCH (b:Board {id: $board})
            CALL (a, b) {
              MATCH (a)-[old:ACCOUNTABLE_TO]->(other) WHERE other <> b
              DELETE old
            }
            MERGE (a)-[:ACCOUNTABLE_TO]->(b)
            """;

    /** No rows: replaces the owner of action {@code $id} by node {@code $owner} (none when null). */
    static final String SET_OWNER = """
            MATCH (a:Action {id: $id})
            CALL (a) { MATCH (a)-[old:OWNED_BY]->() DELETE old }
            WITH a
            OPTIONAL MATCH (o:Node {id: $owner})
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (a)-[:OWNED_BY]->(o))
            """;

    /** No rows: action {@code $id} delivers each strategy, domain or priority in {@code $targets}. */
    static final String SET_DELIVERS = """
            MATCH (a:Action {id: $id})
            UNWIND $targets AS target
            MATCH (x:Node {id: target})
            MERGE (a)-[:DELIVERS]->(x)
            """;

    /** No rows: decision {@code $decision} created action {@code $id}. */
    static final String SET_CREATED_BY = """
            MATCH (d:Decision {id: $decision})
            MATCH (a:Action {id: $id})
            MERGE (d)-[:CREATED]->(a)
            """;

    /**
     * Rows {@code board}: for each decision other than {@code $decision} (every one when it is null)
     * recorded as having created action {@code $id}, the board of the meeting that took it (null when none).
     */
    static final String OTHER_CREATING_DECISION_BOARDS = """
            MATCH (old:Decision)-[:CREATED]->(:Action {id: $id})
            WHERE $decision IS NULL OR old.id <> $decision
            RETURN COLLECT { MATCH (old)<-[:DECIDED]-(:Meeting)-[:OF]->(b:Board) RETURN b.id }[0] AS board
            """;

    /**
     * One row {@code before}: makes decision {@code $decision} the one that created action {@code $id},
     * in place of any other; {@code before} is the ids of the decisions linked before, sorted.
     */
    static final String RELINK_DECISION = """
            MATCH (d:Decision {id: $decision})
            MATCH (a:Action {id: $id})
            WITH d, a, COLLECT { MATCH (old:Decision)-[:CREATED]->(a) RETURN old.id ORDER BY old.id } AS old
            CALL (d, a) {
                MATCH (other:Decision)-[r:CREATED]->(a) WHERE other <> d
                DELETE r
            }
            MERGE (d)-[:CREATED]->(a)
            RETURN old AS before
            """;

    /**
     * One row {@code before}: removes every decision's link as having created action {@code $id};
     * {@code before} is the ids of the decisions linked before, sorted.
     */
    static final String UNLINK_DECISIONS = """
            MATCH (a:Action {id: $id})
            WITH a, COLLECT { MATCH (old:Decision)-[:CREATED]->(a) RETURN old.id ORDER BY old.id } AS old
            CALL (a) {
                MATCH (:Decision)-[r:CREATED]->(a)
                DELETE r
            }
            RETURN old AS before
            """;

    /** One row {@code board}: the board of the meeting that took decision {@code $id} (null when none); no row when no such decision. */
    static final String DECISION_BOARD = """
            MATCH (d:Decision {id: $id})
            RETURN COLLECT { MATCH (d)<-[:DECIDED]-(:Meeting)-[:OF]->(b:Board) RETURN b.id }[0] AS board
            """;

    /**
     * One row {@code u}: appends a progress update to action {@code $id}, after its existing ones; a
     * COMPLETE update carries its {@code $completedDate}, from which it counts as of earlier dates.
     */
    static final String ADD_UPDATE = """
            MATCH (a:Action {id: $id})
            WITH a, COUNT { (a)-[:HAS_UPDATE]->() } AS seq
            CREATE (a)-[:HAS_UPDATE]->(u:ProgressUpdate {id: $updateId, date: $date, status: $status, rag: $rag,
                    percentComplete: $percent, note: $note, author: $author, seq: seq, completedDate: $completedDate})
            RETURN u
            """;

    /**
     * Rows {@code key, dueDate, owner, u, later}: for each {@code {id, date, after}} in {@code $keys},
     * the action's current due date and owner id, its latest update on or before {@code date} (a
     * COMPLETE one from its {@code completedDate}) as {@code {status, percentComplete, rag}}, its RAG
     * only when given by {@code date} (a completion recorded later gives none), and the JSON change lists of its history entries
     * committed after {@code after}, newest first, to undo: all but its creation, whose fields held
     * from the date it was agreed (an action entered from past minutes is created after that date).
     */
    static final String STATE_AS_OF = """
            UNWIND $keys AS key
            MATCH (a:Action {id: key.id})
            RETURN key, a.dueDate AS dueDate,
                   COLLECT { MATCH (a)-[:OWNED_BY]->(o) RETURN o.id }[0] AS owner,
                   COLLECT { MATCH (a)-[:HAS_UPDATE]->(x) WHERE coalesce(x.completedDate, x.date) <= key.date
                             RETURN x {.status, .percentComplete, rag: CASE WHEN x.date > key.date THEN null ELSE x.rag END}
                             ORDER BY x.date DESC, x.seq DESC LIMIT 1 }[0] AS u,
                   COLLECT { MATCH (h:HistoryEntry {entityId: key.id}) USING INDEX h:HistoryEntry(entityId)
                             WHERE h.at >= key.after AND h.operation <> 'createAction'
                             WITH h ORDER BY h.at DESC, h.id DESC RETURN h.changes } AS later
            """;

    /**
     * One row {@code now, entries}: the database clock, and the {@code {id, at}} of every history
     * entry about an action stamped after {@code $cursor} (a datetime; null: now) less
     * {@code $overlapMillis}, oldest first.
     */
    static final String CHANGED_SINCE = """
            WITH datetime() AS now
            WITH now, coalesce($cursor, now) - duration({milliseconds: $overlapMillis}) AS since
            RETURN now, COLLECT {
                MATCH (h:HistoryEntry) USING INDEX SEEK h:HistoryEntry(at)
                WHERE h.at > since AND EXISTS { MATCH (:Action {id: h.entityId}) }
                WITH h ORDER BY h.at, h.id
                RETURN {id: h.id, at: h.at}
            } AS entries
            """;

    /**
     * Rows {@code id, at, operation, a, boards}, oldest first: for each history entry id in
     * {@code $ids}, its time and operation, its action as it is now, and the ids of the action's
     * boards (the one it is accountable to and the one owning it now, and those every move at or
     * after this change took it away from: among them the boards it was under just before and just
     * after the change, whichever of its two links moved and however often) and every body above them.
     */
    static final String CHANGES = """
            UNWIND $ids AS id
            MATCH (h:HistoryEntry {id: id}) USING INDEX h:HistoryEntry(id)
            MATCH (a:Action {id: h.entityId})
            RETURN h.id AS id, h.at AS at, h.operation AS operation, a,
                   COLLECT { MATCH (a)-[:ACCOUNTABLE_TO|OWNED_BY]->(:Board)-[:REPORTS_TO*0..]->(b:Board) RETURN b.id AS board
                             UNION
                             MATCH (later:HistoryEntry {entityId: h.entityId}) USING INDEX later:HistoryEntry(entityId)
                             WHERE later.at >= h.at AND later.formerBoards IS NOT NULL
                             MATCH (f:Board)-[:REPORTS_TO*0..]->(b:Board) WHERE f.id IN later.formerBoards
                             RETURN b.id AS board } AS boards
            ORDER BY h.at, h.id
            """;
}
