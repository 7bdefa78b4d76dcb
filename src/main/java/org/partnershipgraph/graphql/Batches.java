package org.partnershipgraph.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * One-query batch loading for parent-to-child fields: every batch query takes {@code $ids}
 * and returns one row per parent id with {@code id} and {@code items}, a list of nodes or maps.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Runs {@code cypher} once for all {@code parents} and returns each parent's children, in
     * the order of {@code parents}; a parent without a row gets an empty list.
     */
    public static <P extends Identified, C> Map<P, List<C>> lists(Neo4jClient neo4j, String cypher, List<P> parents,
            BiFunction<Record, Value, C> itemMapper) {
        Map<String, List<C>> byId = query(neo4j, cypher, parents, Map.of(), itemMapper);
        Map<P, List<C>> result = new LinkedHashMap<>();
        for (P parent : parents) {
            result.put(parent, byId.getOrDefault(parent.id(), List.of()));
        }
        return result;
    }

    /** As {@link #lists}, keeping the first child of each parent (parents without one are left out). */
    public static <P extends Identified, C> Map<P, C> single(Neo4jClient neo4j, String cypher, List<P> parents,
            BiFunction<Record, Value, C> itemMapper) {
        return single(neo4j, cypher, parents, Map.of(), itemMapper);
    }

    /** As {@link #single(Neo4jClient, String, List, BiFunction)}, binding {@code params} beside {@code $ids}. */
    public static <P extends Identified, C> Map<P, C> single(Neo4jClient neo4j, String cypher, List<P> parents,
            Map<String, Object> params, BiFunction<Record, Value, C> itemMapper) {
        Map<String, List<C>> byId = query(neo4j, cypher, parents, params, itemMapper);
        Map<P, C> result = new LinkedHashMap<>();
        for (P parent : parents) {
            List<C> items = byId.get(parent.id());
            if (items != null && !items.isEmpty()) {
                result.put(parent, items.getFirst());
            }
        }
        return result;
    }

    private static <P extends Identified, C> Map<String, List<C>> query(Neo4jClient neo4j, String cypher,
            List<P> parents, Map<String, Object> extra, BiFunction<Record, Value, C> itemMapper) {
        List<String> ids = parents.stream().map(Identified::id).distinct().toList();
        Map<String, Object> params = new HashMap<>(extra);
        params.put("ids", ids);
        Map<String, List<C>> byId = new HashMap<>();
        for (Record row : neo4j.query(cypher).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).all()) {
            List<C> items = new ArrayList<>();
            for (Value item : row.get("items").values()) {
                C mapped = itemMapper.apply(row, item);
                if (mapped != null) {
                    items.add(mapped);
                }
            }
            byId.put(row.get("id").asString(), items);
        }
        return byId;
    }
}
