package org.partnershipgraph.progress;

import java.util.List;

import org.partnershipgraph.accountability.Holdings;

/**
 * Cypher of progress roll-ups. The rules shared by every roll-up (which actions a scope holds,
 * an action's state as of a date, and the RAG rule) are fragments, so each statement below is
 * still a single statement with parameters only.
 */
final class ProgressCypher {

    private ProgressCypher() {
    }

    /**
     * No rows: the constraint on progress updates (updates are always reached from their action,
     * so a date index would only tempt the planner to scan every update for each action); then, for
     * a database written before updates carried a {@code completedDate}, the latest update of each
     * COMPLETE action takes its action's (idempotent: only updates without one).
     */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT progress_update_id IF NOT EXISTS FOR (n:ProgressUpdate) REQUIRE n.id IS UNIQUE",
            "DROP INDEX progress_update_date IF EXISTS",
            """
            MATCH (a:Action {status: 'COMPLETE'})-[:HAS_UPDATE]->(u:ProgressUpdate {status: 'COMPLETE'})
            WHERE u.completedDate IS NULL AND u.date = a.asOf AND a.completedDate <= u.date
            SET u.completedDate = a.completedDate
            """);

    /**
     * Fragment, given {@code g}: one row {@code a} per distinct action the scope {@code g} holds
     * (see the {@code Progress} type's description for the rule).
     */
    static final String SCOPE_ACTIONS = """
            WITH *, true AS transitive
            CALL (g, transitive) {
              MATCH (g:Strategy)-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action) RETURN a
              UNION
              MATCH (g:Domain)-[:HAS_PRIORITY*0..1]->()<-[:DELIVERS]-(a:Action) RETURN a
              UNION
              MATCH (g:Priority)<-[:DELIVERS]-(a:Action) RETURN a
              UNION
            """ + Holdings.ACTIONS_BELOW + """
            }
            """;

    /**
     * Fragment, given {@code a} and the date {@code asOf}: adds {@code u} (the latest update on or
     * before {@code asOf}, a COMPLETE update counting from its {@code completedDate}, or null), {@code status}, {@code upstream} (statuses as of {@code asOf} of
     * every action {@code a} depends on, to the depth cap of 30, through steps open as of {@code asOf};
     * none when {@code a} itself is closed then, whose rating does not read them). An action's status
     * as of a date on or after its {@code asOf} is its own {@code status} (progress is recorded in date
     * order), so only older dates read the updates; the walk is one pruning breadth-first expansion
     * with the open-step test inlined, not a path search, {@code overdue} and
     * {@code rating} ({@code [rag, derived, reason]} by the rule documented on
     * {@code Action.ragAssessment}).
     */
    static final String ACTION_STATE = """
            WITH *, COLLECT { MATCH (a)-[:HAS_UPDATE]->(x) WHERE coalesce(x.completedDate, x.date) <= asOf
                              RETURN x ORDER BY x.date DESC, x.seq DESC LIMIT 1 }[0] AS u
            WITH *, COLLECT { MATCH path = (a)-[:DEPENDS_ON*0..29]->(m)
                              WHERE all(n IN nodes(path) WHERE NOT coalesce(CASE WHEN n.asOf <= asOf THEN n.status
                                  ELSE COLLECT { MATCH (n)-[:HAS_UPDATE]->(y) WHERE coalesce(y.completedDate, y.date) <= asOf
                                                 RETURN y.status ORDER BY y.date DESC, y.seq DESC LIMIT 1 }[0] END, '')
                                  IN ['COMPLETE', 'CANCELLED'])
                              WITH DISTINCT m
                              MATCH (m)-[:DEPENDS_ON]->(b:Action)
                              WITH DISTINCT b
                              RETURN CASE WHEN b.asOf <= asOf THEN b.status
                                          ELSE COLLECT { MATCH (b)-[:HAS_UPDATE]->(y) WHERE coalesce(y.completedDate, y.date) <= asOf
                                                         RETURN y.status ORDER BY y.date DESC, y.seq DESC LIMIT 1 }[0] END } AS upstream
            WITH *, u.status AS status,
                    a.dueDate IS NOT NULL AND a.dueDate < asOf AND NOT u.status IN ['COMPLETE', 'CANCELLED'] AS overdue
            WITH *, CASE
                WHEN u IS NULL THEN [null, true, 'no status recorded on or before ' + toString(asOf)]
                WHEN u.rag IS NOT NULL AND u.date <= asOf THEN [u.rag, false, 'given in the update of ' + toString(u.date)]
                WHEN status = 'COMPLETE' THEN ['GREEN', true, 'complete']
                WHEN status = 'CANCELLED' THEN [null, true, 'cancelled: not rated']
                WHEN status = 'OFF_TRACK' THEN ['RED', true, 'status is off track']
                WHEN overdue THEN ['RED', true, 'overdue: was due ' + toString(a.dueDate)]
                WHEN 'OFF_TRACK' IN upstream THEN ['RED', true, 'blocked by an off-track action it depends on']
                WHEN status = 'AT_RISK' THEN ['AMBER', true, 'status is at risk']
                WHEN 'AT_RISK' IN upstream THEN ['AMBER', true, 'blocked by an at-risk action it depends on']
                WHEN 'CANCELLED' IN upstream THEN ['AMBER', true, 'waits on a cancelled action']
                WHEN status = 'ON_HOLD' THEN ['AMBER', true, 'on hold']
                WHEN status IN ['NOT_STARTED', 'IN_PROGRESS'] AND a.dueDate IS NOT NULL
                     AND a.dueDate <= asOf + duration('P30D') THEN ['AMBER', true, 'due within 30 days, on ' + toString(a.dueDate)]
                WHEN status IN ['NOT_STARTED', 'IN_PROGRESS'] THEN ['GREEN', true, 'on track: not overdue, nothing it depends on at risk']
                ELSE [null, true, 'no status to rate']
              END AS rating
            """;

    /**
     * Rows {@code group, isScope, total, byStatus, byRag, unrated, complete, countable,
     * weightedSum, weightTotal, overdue, stale}: the roll-up of the scope {@code $id} and of each
     * of its children, as of {@code $asOf}, stale before {@code $staleBefore}; no rows if
     * {@code $id} is not a scope.
     */
    static final String ROLL_UP = """
            MATCH (scope:Node {id: $id})
            WHERE scope:Strategy OR scope:Domain OR scope:Priority OR scope:Board OR scope:Organisation
            WITH scope, COLLECT {
                MATCH (scope:Strategy)-[:HAS_DOMAIN]->(c:Domain) RETURN c
                UNION
                MATCH (scope:Domain)-[:HAS_PRIORITY]->(c:Priority) RETURN c
                UNION
                MATCH (scope:Board)<-[:REPORTS_TO]-(c:Board) RETURN c
                UNION
                MATCH (scope:Organisation)<-[:PART_OF]-(c:Organisation) RETURN c
            } AS children
            UNWIND [scope] + children AS g
            WITH scope, g, $asOf AS asOf
            WITH scope, g, asOf, COLLECT {
            """ + SCOPE_ACTIONS + ACTION_STATE + """
                WITH * WHERE u IS NOT NULL
                RETURN {status: status, rag: rating[0], derived: rating[1], overdue: overdue,
                        stale: NOT status IN ['COMPLETE', 'CANCELLED'] AND u.date < $staleBefore,
                        pct: CASE WHEN status = 'CANCELLED' THEN null
                                  ELSE coalesce(u.percentComplete, CASE WHEN status = 'COMPLETE' THEN 100 ELSE 0 END) END,
                        weight: coalesce(a.weight, 1.0)}
            } AS rows
            RETURN g AS group, g = scope AS isScope,
                   size(rows) AS total,
                   [s IN $statuses | {status: s, count: size([r IN rows WHERE r.status = s])}] AS byStatus,
                   [x IN ['RED', 'AMBER', 'GREEN'] | {rag: x, count: size([r IN rows WHERE r.rag = x]),
                                                    derived: size([r IN rows WHERE r.rag = x AND r.derived])}] AS byRag,
                   size([r IN rows WHERE r.rag IS NULL]) AS unrated,
                   size([r IN rows WHERE r.status = 'COMPLETE']) AS complete,
                   size([r IN rows WHERE r.status <> 'CANCELLED']) AS countable,
                   reduce(acc = 0.0, r IN rows | acc + coalesce(r.weight * r.pct, 0.0)) AS weightedSum,
                   reduce(acc = 0.0, r IN rows | acc + CASE WHEN r.pct IS NULL THEN 0.0 ELSE r.weight END) AS weightTotal,
                   size([r IN rows WHERE r.overdue]) AS overdue,
                   size([r IN rows WHERE r.stale]) AS stale
            """;

    /**
     * Rows {@code i, d, status, overdue, n}: for each key {@code {i, id, dates}} in {@code $keys},
     * how many of the actions scope {@code id} holds had, as of its {@code d}-th date, their latest
     * update with {@code status}, and were or were not {@code overdue} then; no row for a date
     * before any update. Each action and its updates are read once per key, whatever the number
     * of dates, and only the counts are kept. It writes out again the rules of {@code ACTION_STATE}
     * for the latest update as of a date and for overdue (per date, in one pass): change both together.
     */
    static final String TREND = """
            UNWIND $keys AS key
            MATCH (g:Node {id: key.id})
            CALL (g, key) {
            """ + SCOPE_ACTIONS + """
              WITH key, a, COLLECT { MATCH (a)-[:HAS_UPDATE]->(x)
                                     RETURN x {.status, .date, .completedDate} ORDER BY x.date DESC, x.seq DESC } AS updates
              UNWIND range(0, size(key.dates) - 1) AS d
              WITH d, key.dates[d] AS asOf, a.dueDate AS due, updates
              WITH d, asOf, due, [x IN updates WHERE coalesce(x.completedDate, x.date) <= asOf][0] AS u
              WHERE u IS NOT NULL
              RETURN d, u.status AS status,
                     due IS NOT NULL AND due < asOf AND NOT u.status IN ['COMPLETE', 'CANCELLED'] AS overdue, count(*) AS n
            }
            RETURN key.i AS i, d, status, overdue, n
            """;

    /** Rows {@code id, items}: for each action id, its progress updates, newest first. */
    static final String UPDATES = """
            UNWIND $ids AS id
            MATCH (:Action {id: id})-[:HAS_UPDATE]->(u:ProgressUpdate)
            WITH id, u ORDER BY u.date DESC, u.seq DESC
            RETURN id, collect(u) AS items
            """;

    /** Rows {@code id, items}: for each action id, one map {@code {rag, derived, reason}}: its RAG as of {@code $today}. */
    static final String RAG_ASSESSMENT = """
            UNWIND $ids AS id
            MATCH (a:Action {id: id})
            WITH id, a, $today AS asOf
            """ + ACTION_STATE + """
            RETURN id, [{rag: rating[0], derived: rating[1], reason: rating[2]}] AS items
            """;
}
