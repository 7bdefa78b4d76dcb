package org.partnershipgraph.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Runs a connection query: one statement taking {@code $offset}, {@code $limit},
 * {@code $sortField} and {@code $descending} besides its filter parameters, and returning one
 * row with {@code total} (all matches) and {@code items} (the page's nodes, in order).
 */
public final class Connections {

    private Connections() {
    }

    /** One page of {@code cypher}'s result, as a Relay connection. */
    public static <T> Connection<T> page(Neo4jClient neo4j, String cypher, Map<String, Object> filter,
            PageRequest page, String sortField, boolean descending, Function<Node, T> mapper) {
        Map<String, Object> params = new HashMap<>(filter);
        params.put("offset", page.offset());
        params.put("limit", page.limit());
        params.put("sortField", sortField);
        params.put("descending", descending);
        Record row = neo4j.query(cypher).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).one()
                .orElseThrow();
        List<T> items = row.get("items").asList(v -> mapper.apply(v.asNode()));
        return Connection.of(items, page, row.get("total").asInt());
    }
}
