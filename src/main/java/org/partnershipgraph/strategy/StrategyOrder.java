package org.partnershipgraph.strategy;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.strategies}. */
public record StrategyOrder(Field field, OrderDirection direction) {

    /** Fields strategies sort by. */
    public enum Field { TITLE, START_DATE, ID }
}
