package org.partnershipgraph.graphql;

/** Cypher of the Relay {@code node} lookup. */
final class NodeCypher {

    private NodeCypher() {
    }

    /** One row {@code n}: the node with business id {@code $id}, of any label; no row if none. */
    static final String BY_ID = """
            MATCH (n:Node {id: $id})
            RETURN n
            """;
}
