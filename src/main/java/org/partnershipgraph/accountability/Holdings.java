package org.partnershipgraph.accountability;

/**
 * The rule of what a holder answers for, as a Cypher fragment shared by commitments and progress
 * roll-ups so that both count the same actions.
 */
public final class Holdings {

    private Holdings() {
    }

    /**
     * Fragment of {@code UNION} branches, each returning {@code a}, for use inside
     * {@code CALL (g, transitive) { ... }}: the actions owned by board or organisation {@code g}
     * or accountable to it (a board), plus, when {@code transitive}, those of every body reporting
     * to it at any depth (a board), or of its parts at any depth, their posts and the people
     * holding them now, or, holding no post now, having held them (an organisation).
     */
    public static final String ACTIONS_BELOW = """
              MATCH (g:Board)<-[:REPORTS_TO*0..]-(b:Board)<-[:ACCOUNTABLE_TO|OWNED_BY]-(a:Action)
              WHERE transitive OR b = g
              RETURN a
              UNION
              MATCH (g:Organisation)<-[:PART_OF*0..]-(o:Organisation)<-[:OWNED_BY]-(a:Action)
              WHERE transitive OR o = g
              RETURN a
              UNION
              MATCH (g:Organisation)<-[:PART_OF*0..]-(:Organisation)<-[:AT]-(:Post)<-[:OWNED_BY]-(a:Action)
              WHERE transitive
              RETURN a
              UNION
              MATCH (g:Organisation)<-[:PART_OF*0..]-(:Organisation)<-[:AT]-(:Post)<-[h:HOLDS|HELD]-(p:Person)<-[:OWNED_BY]-(a:Action)
              WHERE transitive AND (h:HOLDS OR NOT EXISTS { (p)-[:HOLDS]->() })
              RETURN a
            """;
}
