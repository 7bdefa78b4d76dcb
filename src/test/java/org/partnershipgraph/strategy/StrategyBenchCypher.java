package org.partnershipgraph.strategy;

/** Benchmark access to the strategy feature's Cypher (the service's own constants, unchanged). */
public final class StrategyBenchCypher {

    private StrategyBenchCypher() {
    }

    public static final String DOMAINS = StrategyCypher.DOMAINS;
    public static final String ACTIONS = StrategyCypher.ACTIONS;
}
