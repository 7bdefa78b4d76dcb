package org.partnershipgraph.action;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.actions}. */
public record ActionOrder(Field field, OrderDirection direction) {

    /** Fields actions sort by. */
    public enum Field { DUE_DATE, TITLE, STATUS, ID }
}
