package org.partnershipgraph.board;

/** Benchmark access to the board feature's Cypher (the service's own constants, unchanged). */
public final class BoardBenchCypher {

    private BoardBenchCypher() {
    }

    public static final String BOARDS = BoardCypher.BOARDS;
    public static final String STRATEGIES = BoardCypher.STRATEGIES;
}
