package org.partnershipgraph.graphql;

/** Cypher of lookups by business id, whatever the entity's label: the Relay {@code node} field, input checks. */
final class NodeCypher {

    private NodeCypher() {
    }

    /** One row {@code n}: the node with business id {@code $id}, of any label; no row if none. */
    static final String BY_ID = """
            MATCH (n:Node {id: $id})
            RETURN n
            """;

    /** One row {@code labels}: the labels of the node with business id {@code $id}; null if none. */
    static final String LABELS = """
            OPTIONAL MATCH (n:Node {id: $id})
            RETURN labels(n) AS labels
            """;
}
