package org.partnershipgraph.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;

/**
 * A domain's priorities come in the same order in {@code Domain.priorities} and in the domain's
 * roll-up children, however their numbers are written: parts beyond 32 bits, beyond 64 bits,
 * with letters, leading zeros or none at all.
 */
class PriorityOrderGraphQlTest extends SyntheticGraphTestBase {

    @Test
    void aRollUpListsPrioritiesAsTheirDomainDoes() {
        clear();
        String[] numbers = {"10000000000", "2147483648", "9", "99999999999999999999", "4.10", "4.2", "4b", "004.3",
                "", "2147483647", "9223372036854775807", "9223372036854775808", "1.99999999999999999999", "1.5"};
        List<Map<String, Object>> priorities = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            priorities.add(Map.of("id", "priority-order-" + i, "number", numbers[i], "title", "Priority " + i));
        }
        write("""
                CREATE (s:Strategy:Node {id: 'strategy-order', title: 'Order'})-[:HAS_DOMAIN]->(d:Domain:Node {id: 'domain-order', number: 1, title: 'Order'})
                WITH d
                UNWIND $rows AS row
                CREATE (d)-[:HAS_PRIORITY]->(p:Priority:Node {id: row.id, number: row.number, title: row.title})
                CREATE (:Action:Node {id: 'action-' + row.id, title: row.title, status: 'IN_PROGRESS'})-[:DELIVERS]->(p)
                """, Map.of("rows", priorities), false);

        List<String> listed = graphQl.document("{ strategy(id: \"strategy-order\") { domains { priorities { id } } } }").execute()
                .path("strategy.domains[0].priorities[*].id").entityList(String.class).get();
        assertThat(listed).hasSize(numbers.length).startsWith("priority-order-13", "priority-order-12");
        graphQl.document("{ progress(scope: {id: \"domain-order\"}) { children { scope { ... on Priority { id } } } } }")
                .execute()
                .path("progress.children[*].scope.id").entityList(String.class).isEqualTo(listed);
    }
}
