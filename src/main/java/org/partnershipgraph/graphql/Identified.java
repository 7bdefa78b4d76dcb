package org.partnershipgraph.graphql;

/** A read record of an entity with a stable business id. */
public interface Identified {

    /** The entity's stable business id. */
    String id();
}
