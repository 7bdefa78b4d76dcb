package org.partnershipgraph.graphql;

import java.util.function.Function;

import org.neo4j.driver.types.Node;

/**
 * How nodes of one label become a read record. Each feature declares its types as beans, so
 * that {@code node(id)} and union-typed fields can map any node without knowing the features,
 * and schema inspection knows which record backs each GraphQL type.
 *
 * @param label      the node's primary label, equal to the GraphQL type name
 * @param recordType the read record the label maps to
 * @param mapper     builds the read record from the node
 */
public record EntityType(String label, Class<?> recordType, Function<Node, Object> mapper) {

    /** An entity type whose record is built by {@code mapper}. */
    public static <T> EntityType of(String label, Class<T> recordType, Function<Node, T> mapper) {
        return new EntityType(label, recordType, mapper::apply);
    }
}
