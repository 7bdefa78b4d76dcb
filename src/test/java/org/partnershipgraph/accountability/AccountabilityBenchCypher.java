package org.partnershipgraph.accountability;

/** Benchmark access to the accountability feature's Cypher (the service's own constants, unchanged). */
public final class AccountabilityBenchCypher {

    private AccountabilityBenchCypher() {
    }

    public static final String CHAIN = AccountabilityCypher.CHAIN;
}
