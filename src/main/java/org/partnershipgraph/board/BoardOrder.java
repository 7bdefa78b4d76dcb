package org.partnershipgraph.board;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.boards}. */
public record BoardOrder(Field field, OrderDirection direction) {

    /** Fields boards sort by. */
    public enum Field { NAME, KIND, ID }
}
