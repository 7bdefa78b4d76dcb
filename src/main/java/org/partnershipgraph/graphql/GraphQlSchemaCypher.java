package org.partnershipgraph.graphql;

import java.util.List;

/** Schema statements shared by every entity: the global {@code Node} id. */
final class GraphQlSchemaCypher {

    private GraphQlSchemaCypher() {
    }

    /** One row {@code version}: the Neo4j server's version, such as {@code 5.26.0} or {@code 2026.08.1}. */
    static final String SERVER_VERSION = """
            CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel'
            RETURN versions[0] AS version
            """;

    /** No rows: waits until every index is online. */
    static final String AWAIT_INDEXES = "CALL db.awaitIndexes(300)";

    /** No rows: ids are unique across all entities, which {@code Query.node} relies on. */
    static final List<String> NODE_SCHEMA = List.of("""
            CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE
            """, """
            CREATE CONSTRAINT source_document_id IF NOT EXISTS FOR (n:SourceDocument) REQUIRE n.id IS UNIQUE
            """);
}
