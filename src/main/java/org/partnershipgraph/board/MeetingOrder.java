package org.partnershipgraph.board;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.meetings}. */
public record MeetingOrder(Field field, OrderDirection direction) {

    /** Fields meetings sort by. */
    public enum Field { DATE, ID }
}
