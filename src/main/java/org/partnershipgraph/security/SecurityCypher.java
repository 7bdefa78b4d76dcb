package org.partnershipgraph.security;

/** Cypher of row-level access checks. */
final class SecurityCypher {

    private SecurityCypher() {
    }

    /**
     * One row {@code allowed}: whether any board in {@code $candidates} is one of {@code $boards} or
     * reports to one, at any depth.
     */
    static final String WITHIN = """
            RETURN EXISTS { MATCH (b:Board)-[:REPORTS_TO*0..]->(top:Board) WHERE b.id IN $candidates AND top.id IN $boards } AS allowed
            """;
}
