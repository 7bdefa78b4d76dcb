package org.partnershipgraph.graphql;

import java.util.function.Function;

import org.neo4j.driver.types.Node;

/**
 * How nodes of one label become a read record. Each feature declares its types as beans, so
 * that {@code node(id)} and union-typed fields can map any node without knowing the features.
 *
 * @param label the node's primary label, equal to the GraphQL type name
 * @param mapper builds the read record from the node
 */
public record EntityType(String label, Function<Node, Object> mapper) {
}
