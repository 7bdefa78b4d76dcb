package org.partnershipgraph.strategy;

/** What sort of plan a strategy is. */
public enum StrategyKind {
    STRATEGY, PLAN, ACTION_PLAN, PROGRAMME, WORK_PROGRAMME, CORPORATE_PLAN
}
