package org.partnershipgraph.security;

/** Cypher of row-level access checks. */
final class SecurityCypher {

    private SecurityCypher() {
    }

    /** One row {@code allowed}: whether board {@code $board} is one of {@code $boards} or reports to one, at any depth. */
    static final String WITHIN = """
            MATCH (b:Board {id: $board})
            RETURN EXISTS { MATCH (b)-[:REPORTS_TO*0..]->(top:Board) WHERE top.id IN $boards } AS allowed
            """;
}
