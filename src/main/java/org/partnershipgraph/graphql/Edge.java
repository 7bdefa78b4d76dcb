package org.partnershipgraph.graphql;

/** A Relay edge: a node and its cursor. */
public record Edge<T>(String cursor, T node) {
}
