package org.partnershipgraph.graphql;

/** Sort direction of an {@code orderBy} input. */
public enum OrderDirection {
    ASC,
    DESC
}
