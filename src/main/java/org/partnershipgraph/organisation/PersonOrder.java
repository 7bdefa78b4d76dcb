package org.partnershipgraph.organisation;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.people}. */
public record PersonOrder(Field field, OrderDirection direction) {

    /** Fields people sort by. */
    public enum Field { NAME, ID }
}
