package org.partnershipgraph.action;

import java.util.List;

/** Cypher of the action feature. */
final class ActionCypher {

    private ActionCypher() {
    }

    /** No rows: constraints and the indexes the action filters use. */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT action_id IF NOT EXISTS FOR (n:Action) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX action_status IF NOT EXISTS FOR (n:Action) ON (n.status)",
            "CREATE INDEX action_rag IF NOT EXISTS FOR (n:Action) ON (n.rag)",
            "CREATE INDEX action_due_date IF NOT EXISTS FOR (n:Action) ON (n.dueDate)",
            "CREATE INDEX action_title IF NOT EXISTS FOR (n:Action) ON (n.title)");

    /** One row {@code a}: the action with id {@code $id}. */
    static final String ACTION = """
            MATCH (a:Action {id: $id})
            RETURN a
            """;

    /** One row {@code total, items}: actions matching the filter, sorted, one page of nodes. */
    static final String ACTIONS = """
            MATCH (a:Action)
            WHERE ($statuses IS NULL OR a.status IN $statuses)
              AND ($rags IS NULL OR a.rag IN $rags)
              AND ($dueBefore IS NULL OR a.dueDate < $dueBefore)
              AND ($title IS NULL OR toLower(a.title) CONTAINS toLower($title))
              AND ($owner IS NULL OR EXISTS { (a)-[:OWNED_BY]->(:Node {id: $owner}) })
              AND ($board IS NULL OR EXISTS { (a)-[:ACCOUNTABLE_TO]->(:Board {id: $board}) })
              AND ($strategy IS NULL
                   OR EXISTS { (a)-[:DELIVERS]->()<-[:HAS_DOMAIN|HAS_PRIORITY*0..2]-(:Strategy {id: $strategy}) })
            WITH a, CASE $sortField WHEN 'DUE_DATE' THEN toString(a.dueDate) WHEN 'TITLE' THEN toLower(a.title)
                    WHEN 'STATUS' THEN a.status ELSE a.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
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
}
