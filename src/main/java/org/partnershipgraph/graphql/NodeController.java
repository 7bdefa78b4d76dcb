package org.partnershipgraph.graphql;

import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/** Resolves {@code Query.node}: any entity by its global id. */
@Controller
public class NodeController {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    public NodeController(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    @QueryMapping
    @Transactional(readOnly = true)
    public Object node(@Argument String id) {
        return neo4j.query(NodeCypher.BY_ID)
                .bindAll(Map.of("id", id))
                .fetchAs(Object.class)
                .mappedBy((t, r) -> types.map(r.get("n").asNode()))
                .one()
                .orElse(null);
    }
}
