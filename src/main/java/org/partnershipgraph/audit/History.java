package org.partnershipgraph.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.partnershipgraph.security.CurrentUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only change history. Entries are written only by {@link #record}, inside the
 * transaction of the change they describe (so a rolled-back change leaves none); nothing in the
 * API updates or deletes them.
 */
@Component
public class History {

    private final Neo4jClient neo4j;

    History(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Appends an entry about {@code entityId} and returns its id; must run inside the change's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String record(String entityId, String operation, List<FieldChange> changes, String reason, CurrentUser user) {
        List<FieldChange> real = changes.stream().filter(Objects::nonNull).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("id", "history-" + UUID.randomUUID());
        params.put("entityId", entityId);
        params.put("operation", operation);
        params.put("user", user.name());
        params.put("role", user.role().name());
        params.put("changes", HistoryEntry.JSON.writeValueAsString(real));
        params.put("reason", reason);
        neo4j.query(HistoryCypher.APPEND).bindAll(params).run();
        return (String) params.get("id");
    }

    /**
     * Appends the entry of a link's other end and returns its id: {@code entityId}'s {@code field}
     * gained {@code after} or lost {@code before}, by the change {@code operation} made at the
     * link's near end, with its user and reason; must run inside that change's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordLink(String entityId, String operation, String field, String before, String after, String reason,
            CurrentUser user) {
        return record(entityId, operation, List.of(new FieldChange(field, before, after)), reason, user);
    }

    /** The history of {@code entityId}, newest first: for auditors and admins only. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public List<HistoryEntry> of(String entityId) {
        return List.copyOf(neo4j.query(HistoryCypher.OF_ENTITY).bindAll(Map.of("entityId", entityId))
                .fetchAs(HistoryEntry.class).mappedBy((t, r) -> HistoryEntry.from(r.get("h").asNode())).all());
    }
}
