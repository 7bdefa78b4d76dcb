package org.partnershipgraph.strategy;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.indicators}. */
public record IndicatorOrder(Field field, OrderDirection direction) {

    /** Fields indicators sort by. */
    public enum Field { NAME, ID }
}
