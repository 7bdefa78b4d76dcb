package org.partnershipgraph.organisation;

import org.partnershipgraph.graphql.OrderDirection;

/** Sort order of {@code Query.organisations}. */
public record OrganisationOrder(Field field, OrderDirection direction) {

    /** Fields organisations sort by. */
    public enum Field { NAME, KIND, ID }
}
