package org.partnershipgraph.graphql;

/**
 * Tells schema inspection which Java type backs a GraphQL type that is reached only through
 * a union, an interface or a DataLoader, where it cannot infer the type itself.
 *
 * @param typeName the GraphQL type
 * @param javaType the Java type of its values
 */
public record GraphQlTypeMapping(String typeName, Class<?> javaType) {
}
