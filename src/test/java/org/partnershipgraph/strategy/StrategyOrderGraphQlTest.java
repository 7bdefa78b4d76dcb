package org.partnershipgraph.strategy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;

/**
 * Strategies sorted by start date come in that date's order either way, with those that have none
 * last both ways (the seed has one dated strategy, too few to tell the directions apart).
 */
class StrategyOrderGraphQlTest extends SyntheticGraphTestBase {

    @Test
    void byStartDateAscendingAndDescendingWithUndatedLastBothWays() {
        clear();
        write("""
                UNWIND $rows AS row
                CREATE (s:Strategy:Node {id: row.id, title: row.id})
                SET s.startDate = CASE WHEN row.start IS NULL THEN null ELSE date(row.start) END
                """, Map.of("rows", List.of(
                        Map.of("id", "strategy-b", "start", "2024-02-07"),
                        Map.of("id", "strategy-undated"),
                        Map.of("id", "strategy-a", "start", "2019-04-01"),
                        Map.of("id", "strategy-c", "start", "2025-12-31"))), false);
        String query = "query($d: OrderDirection!) { strategies(orderBy: {field: START_DATE, direction: $d}) { edges { node { id } } } }";
        graphQl.document(query).variable("d", "ASC").execute()
                .path("strategies.edges[*].node.id").entityList(String.class)
                .containsExactly("strategy-a", "strategy-b", "strategy-c", "strategy-undated");
        graphQl.document(query).variable("d", "DESC").execute()
                .path("strategies.edges[*].node.id").entityList(String.class)
                .containsExactly("strategy-c", "strategy-b", "strategy-a", "strategy-undated");
    }
}
