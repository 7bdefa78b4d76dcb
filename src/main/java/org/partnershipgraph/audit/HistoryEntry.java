package org.partnershipgraph.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.types.Node;
import org.partnershipgraph.graphql.Props;
import tools.jackson.databind.json.JsonMapper;

/** One entry of an entity's append-only change history. */
public record HistoryEntry(OffsetDateTime at, String user, String role, String entityId, String operation,
        List<FieldChange> changes, String reason) {

    /** Reads and writes the {@code changes} property, a JSON array of {@link FieldChange}. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads a {@code :HistoryEntry} node. */
    static HistoryEntry from(Node n) {
        List<FieldChange> changes = List.of(JSON.readValue(n.get("changes").asString("[]"), FieldChange[].class));
        return new HistoryEntry(n.get("at").asOffsetDateTime(), Props.str(n, "user"), Props.str(n, "role"),
                Props.str(n, "entityId"), Props.str(n, "operation"), changes, Props.str(n, "reason"));
    }
}
