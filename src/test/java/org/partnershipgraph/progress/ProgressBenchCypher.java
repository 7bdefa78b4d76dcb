package org.partnershipgraph.progress;

/** Benchmark access to the progress feature's Cypher (the service's own constants, unchanged). */
public final class ProgressBenchCypher {

    private ProgressBenchCypher() {
    }

    public static final String ROLL_UP = ProgressCypher.ROLL_UP;
}
