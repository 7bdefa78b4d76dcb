package org.partnershipgraph.audit;

import java.util.List;

/** Cypher of the change history. */
final class HistoryCypher {

    private HistoryCypher() {
    }

    /** No rows: constraint and indexes for history entries (by entity, and by time for the change feed). */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT history_entry_id IF NOT EXISTS FOR (n:HistoryEntry) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX history_entry_entity IF NOT EXISTS FOR (n:HistoryEntry) ON (n.entityId)",
            "CREATE INDEX history_entry_at IF NOT EXISTS FOR (n:HistoryEntry) ON (n.at)");

    /**
     * One row {@code id}: appends a history entry about entity {@code $entityId} (linked to it when it
     * exists), its changes as a JSON array {@code $changes} of {@code {field, before, after}}.
     */
    static final String APPEND = """
            OPTIONAL MATCH (n:Node {id: $entityId})
            CREATE (h:HistoryEntry {id: $id, at: datetime(), user: $user, role: $role, entityId: $entityId,
                                    operation: $operation, changes: $changes, reason: $reason})
            FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | CREATE (h)-[:ABOUT]->(n))
            RETURN h.id AS id
            """;

    /** Rows {@code h}: the history of entity {@code $entityId}, newest first. */
    static final String OF_ENTITY = """
            MATCH (h:HistoryEntry {entityId: $entityId})
            RETURN h ORDER BY h.at DESC, h.id DESC
            """;
}
