package org.partnershipgraph.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Full-text search; one Cypher statement per search. */
@Component
@Transactional(readOnly = true)
class SearchQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    SearchQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Connection<SearchHit> search(SearchText text, List<SearchKind> kinds, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("query", text.luceneQuery());
        params.put("labels", kinds == null ? null : kinds.stream().map(SearchKind::label).toList());
        params.put("offset", page.offset());
        params.put("limit", page.limit());
        Record row = neo4j.query(SearchCypher.SEARCH).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r)
                .one().orElseThrow();
        List<SearchHit> hits = row.get("hits").asList(this::hit);
        return Connection.of(hits, page, row.get("total").asInt());
    }

    private SearchHit hit(Value hit) {
        return new SearchHit(types.map(hit.get("node").asNode()), hit.get("score").asDouble());
    }
}
