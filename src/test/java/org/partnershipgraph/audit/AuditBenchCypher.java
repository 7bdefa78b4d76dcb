package org.partnershipgraph.audit;

/** Benchmark access to the audit feature's Cypher (the service's own constants, unchanged). */
public final class AuditBenchCypher {

    private AuditBenchCypher() {
    }

    public static final String APPEND = HistoryCypher.APPEND;
}
