package org.partnershipgraph.organisation;

/** Benchmark access to the organisation feature's Cypher (the service's own constants, unchanged). */
public final class OrganisationBenchCypher {

    private OrganisationBenchCypher() {
    }

    public static final String POST_ORGANISATION = OrganisationCypher.POST_ORGANISATION;
}
