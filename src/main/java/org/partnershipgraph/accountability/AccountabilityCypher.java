package org.partnershipgraph.accountability;

/** Cypher of accountability: chains, commitments, unowned and overdue actions. */
final class AccountabilityCypher {

    private AccountabilityCypher() {
    }

    /** Fragment ending a {@code WHERE} on a path {@code path}: it names no node twice. */
    private static final String AND_NO_NODE_TWICE = """
                  AND all(i IN range(0, length(path) - 1) WHERE NOT nodes(path)[i] IN nodes(path)[i + 1..])
            """;

    /**
     * One row {@code a, owner, ownerPaths, bodyPaths} for action {@code $id}: its owner (or null);
     * every maximal path from the owner up (person, post, organisation and its parents; or a board
     * and the bodies above it), a person through the posts they hold now ({@code HOLDS}), or, holding
     * none now, those they held ({@code HELD}); every maximal path from the action to its accountable
     * body and up.
     * A path stops at a node with no parent not already on it, and names no node twice, so a cycle
     * in the data (a reporting line turned round by a seed reload keeps its old direction) cannot loop.
     * It climbs at most 10 {@code PART_OF} and 10 {@code REPORTS_TO} steps, and drops a longer line
     * (the seed refuses one: {@code SeedParser.MAX_CLIMB}).
     */
    static final String CHAIN = """
            MATCH (a:Action {id: $id})
            OPTIONAL MATCH (a)-[:OWNED_BY]->(owner)
            WITH a, owner, COLLECT {
                MATCH path = (owner:Person)-[h:HOLDS|HELD]->(:Post)-[:AT]->(:Organisation)-[:PART_OF*0..10]->(top:Organisation)
                WHERE (h:HOLDS OR NOT EXISTS { (owner)-[:HOLDS]->() })
                  AND NOT EXISTS { (top)-[:PART_OF]->(next) WHERE NOT next IN nodes(path) }
            """ + AND_NO_NODE_TWICE + """
                RETURN path
                UNION
                MATCH path = (owner:Person)-[h:HOLDS|HELD]->(post:Post)
                WHERE (h:HOLDS OR NOT EXISTS { (owner)-[:HOLDS]->() }) AND NOT EXISTS { (post)-[:AT]->() }
                RETURN path
                UNION
                MATCH path = (owner:Person) WHERE NOT EXISTS { (owner)-[:HOLDS|HELD]->() }
                RETURN path
                UNION
                MATCH path = (owner:Post)-[:AT]->(:Organisation)-[:PART_OF*0..10]->(top:Organisation)
                WHERE NOT EXISTS { (top)-[:PART_OF]->(next) WHERE NOT next IN nodes(path) }
            """ + AND_NO_NODE_TWICE + """
                RETURN path
                UNION
                MATCH path = (owner:Post) WHERE NOT EXISTS { (owner)-[:AT]->() }
                RETURN path
                UNION
                MATCH path = (owner:Organisation)-[:PART_OF*0..10]->(top:Organisation)
                WHERE NOT EXISTS { (top)-[:PART_OF]->(next) WHERE NOT next IN nodes(path) }
            """ + AND_NO_NODE_TWICE + """
                RETURN path
                UNION
                MATCH path = (owner:Board)-[:REPORTS_TO*0..10]->(top:Board)
                WHERE NOT EXISTS { (top)-[:REPORTS_TO]->(next) WHERE NOT next IN nodes(path) }
            """ + AND_NO_NODE_TWICE + """
                RETURN path
            } AS ownerPaths, COLLECT {
                MATCH path = (a)-[:ACCOUNTABLE_TO]->(:Board)-[:REPORTS_TO*0..10]->(top:Board)
                WHERE NOT EXISTS { (top)-[:REPORTS_TO]->(next) WHERE NOT next IN nodes(path) }
            """ + AND_NO_NODE_TWICE + """
                RETURN path
            } AS bodyPaths
            RETURN a, owner, ownerPaths, bodyPaths
            """;

    /**
     * One row {@code total, items}: the actions holder {@code $holderId} answers for (see
     * {@link Holdings}), soonest due first, one page; no row when no holder has that id.
     */
    static final String COMMITMENTS = """
            MATCH (g:Node {id: $holderId})
            WHERE g:Person OR g:Post OR g:Organisation OR g:Board
            WITH g, $transitive AS transitive
            WITH COLLECT {
              CALL (g, transitive) {
                MATCH (g:Person)<-[:OWNED_BY]-(a:Action) RETURN a
                UNION
                MATCH (g:Person)-[:HOLDS]->(:Post)<-[:OWNED_BY]-(a:Action) RETURN a
                UNION
                MATCH (g:Post)<-[:OWNED_BY]-(a:Action) RETURN a
                UNION
                MATCH (g:Post)<-[h:HOLDS|HELD]-(p:Person)<-[:OWNED_BY]-(a:Action)
                WHERE transitive AND (h:HOLDS OR NOT EXISTS { (p)-[:HOLDS]->() })
                RETURN a
                UNION
            """ + Holdings.ACTIONS_BELOW + """
              }
              WITH a ORDER BY a.dueDate, a.id
              RETURN a
            } AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** One row {@code total, items}: actions with no owner, soonest due first, one page. */
    static final String UNOWNED = """
            MATCH (a:Action) WHERE NOT EXISTS { (a)-[:OWNED_BY]->() }
            WITH a ORDER BY a.dueDate, a.id
            WITH collect(a) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /**
     * One row {@code total, items}: actions due before {@code $asOf} whose status as of {@code $asOf}
     * (that of their latest update on or before it, a COMPLETE one from its {@code completedDate}, as
     * {@code progress} reads it) is neither COMPLETE nor CANCELLED, most overdue first, one page.
     */
    static final String OVERDUE = """
            MATCH (a:Action) WHERE a.dueDate < $asOf
            WITH a, COLLECT { MATCH (a)-[:HAS_UPDATE]->(u) WHERE coalesce(u.completedDate, u.date) <= $asOf
                              RETURN u.status ORDER BY u.date DESC, u.seq DESC LIMIT 1 }[0] AS status
            WHERE status IS NOT NULL AND NOT status IN ['COMPLETE', 'CANCELLED']
            WITH a ORDER BY a.dueDate, a.id
            WITH collect(a) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /**
     * Rows {@code id, title, status, dueDate, ownerId, owner, bodyId, body, sources, decisions,
     * ownerText, timescale, statusText, rag, asOf, completedDate}: every action, by id, with its
     * owner, accountable body, its sources as distinct {@code file:lines} strings in the order
     * {@code Action.sources} gives them, the ids of the decisions that created it (its mandate), by
     * id, the owner, timescale and status as its document words them, and its RAG as given, the
     * date its status is as of and the date it was completed.
     */
    static final String REGISTER = """
            MATCH (a:Action)
            OPTIONAL MATCH (a)-[:OWNED_BY]->(o)
            OPTIONAL MATCH (a)-[:ACCOUNTABLE_TO]->(b:Board)
            RETURN a.id AS id, a.title AS title, a.status AS status, a.dueDate AS dueDate,
                   o.id AS ownerId, coalesce(o.name, o.title) AS owner, b.id AS bodyId, b.name AS body,
                   COLLECT { MATCH (a)-[c:CITED_IN]->(d:SourceDocument)
                             WITH DISTINCT d, c.firstLine AS firstLine, c.lines AS lines
                             ORDER BY d.id, firstLine, lines RETURN d.file + ':' + lines } AS sources,
                   COLLECT { MATCH (d:Decision)-[:CREATED]->(a) RETURN d.id ORDER BY d.id } AS decisions,
                   a.ownerText AS ownerText, a.timescale AS timescale, a.statusText AS statusText,
                   a.rag AS rag, a.asOf AS asOf, a.completedDate AS completedDate
            ORDER BY a.id
            """;
}
