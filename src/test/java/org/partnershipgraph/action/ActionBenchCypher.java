package org.partnershipgraph.action;

/** Benchmark access to the action feature's Cypher (the service's own constants, unchanged). */
public final class ActionBenchCypher {

    private ActionBenchCypher() {
    }

    public static final String ACTION = ActionCypher.ACTION;
    public static final String ACTIONS = ActionCypher.ACTIONS;
    public static final String OWNER = ActionCypher.OWNER;
    public static final String LOCK = ActionCypher.LOCK;
    public static final String CONTEXT = ActionCypher.CONTEXT;
    public static final String ADD_UPDATE = ActionCypher.ADD_UPDATE;
    public static final String UPSTREAM = DependencyCypher.UPSTREAM;
    public static final String DOWNSTREAM = DependencyCypher.DOWNSTREAM;
}
