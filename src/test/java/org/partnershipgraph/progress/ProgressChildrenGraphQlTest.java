package org.partnershipgraph.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A roll-up's children on the seed graph: in the order of the parent's own list, and their
 * trends (read together, see {@code RoundTripTest}) as each child's own roll-up gives them.
 */
class ProgressChildrenGraphQlTest extends GraphQlTestBase {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() { };

    @Test
    void childrenComeInTheOrderOfTheParentsOwnList() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Map<String, Object> strategy : nodes("strategies", "id domains { id priorities { id } }")) {
            List<Map<String, Object>> domains = list(strategy, "domains");
            lists.put((String) strategy.get("id"), ids(domains));
            domains.forEach(d -> lists.put((String) d.get("id"), ids(list(d, "priorities"))));
        }
        nodes("boards", "id subBoards { id }")
                .forEach(b -> lists.put((String) b.get("id"), ids(list(b, "subBoards"))));
        nodes("organisations", "id parts { id }")
                .forEach(o -> lists.put((String) o.get("id"), ids(list(o, "parts"))));
        lists.values().removeIf(children -> children.size() < 2);
        assertThat(lists).containsKeys("strategy-001-arrs-recovery-action-plan", "domain-003-saap-whole-system-issues",
                "org-thurrock-council");
        assertThat(lists.get("domain-003-saap-whole-system-issues")).hasSizeGreaterThan(10);
        lists.forEach((parent, children) -> assertThat(graphQl.document("""
                query($id: ID!) { progress(scope: {id: $id}) { children { scope {
                    ... on Strategy { id } ... on Domain { id } ... on Priority { id } ... on Board { id } ... on Organisation { id } } } } }
                """).variable("id", parent).execute().path("progress.children[*].scope.id").entityList(String.class).get())
                .as(parent).isEqualTo(children));
    }

    @Test
    void childrenTrendsAnswerAsEachChildsOwn() {
        String dates = "[\"2025-03-31\", \"2023-03-31\", \"2025-03-31\", \"2026-06-30\"]";
        List<Map<String, Object>> children = graphQl.document("""
                { progress(scope: {id: "org-thurrock-council"}) {
                    trend(dates: %s) { asOf total complete overdue }
                    children { scope { ... on Organisation { id } } trend(dates: %s) { asOf total complete overdue } } } }
                """.formatted(dates, dates)).execute().path("progress.children").entity(ROWS).get();
        assertThat(children).hasSizeGreaterThan(5);
        for (Map<String, Object> child : children) {
            String id = (String) ((Map<?, ?>) child.get("scope")).get("id");
            List<Map<String, Object>> own = graphQl.document("""
                    query($id: ID!) { progress(scope: {id: $id}) { trend(dates: %s) { asOf total complete overdue } } }
                    """.formatted(dates)).variable("id", id).execute().path("progress.trend").entity(ROWS).get();
            assertThat(child.get("trend")).as(id).isEqualTo(own);
            assertThat(own).extracting(p -> p.get("asOf")).containsExactly("2023-03-31", "2025-03-31", "2025-03-31", "2026-06-30");
        }
    }

    @Test
    void moreThanSixtyDatesIsABadRequest() {
        String dates = String.join(", ", java.util.Collections.nCopies(61, "\"2025-03-31\""));
        graphQl.document("{ progress(scope: {id: \"board-hwbb\"}) { children { trend(dates: [" + dates + "]) { total } } } }")
                .execute().errors().expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("at most 60 dates"));
    }

    /** Every node of connection {@code field}, page by page, with {@code selection}. */
    private List<Map<String, Object>> nodes(String field, String selection) {
        List<Map<String, Object>> nodes = new java.util.ArrayList<>();
        String after = null;
        do {
            var response = graphQl.document("query($after: String) { " + field + "(first: 100, after: $after) { edges { node { "
                    + selection + " } } pageInfo { hasNextPage endCursor } } }").variable("after", after).execute();
            nodes.addAll(response.path(field + ".edges[*].node").entity(ROWS).get());
            after = Boolean.TRUE.equals(response.path(field + ".pageInfo.hasNextPage").entity(Boolean.class).get())
                    ? response.path(field + ".pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String field) {
        return (List<Map<String, Object>>) node.get(field);
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }
}
