package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Deep, wide and aliased queries are refused before they run, with the limit and the measured
 * value, the second time as the first (parsed documents and their measures are cached, the
 * limits still apply), and for each value of a variable the measure depends on.
 */
class QueryLimitsTest extends GraphQlTestBase {

    /** Every scalar and nested field of an action: 46 fields, each counted once per item of its page. */
    private static final String ACTION_FIELDS = """
            id title description kind status statusText rag asOf dueDate timescale startDate completedDate ownerText version
            owner { __typename } accountableTo { id name kind shortName } delivers { __typename }
            dependsOn { id title status } dependents { id title status } decision { id text }
            sources { lines quote document { id file title } } updates { date status } ragAssessment { rag derived reason }
            """;

    @Test
    void tooDeep() {
        String deep = "{ board(id: \"board-bctt\") { " + "reportsTo { ".repeat(16) + "id" + " }".repeat(16) + " } }";
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document(deep).execute().errors()
                    .expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                            && "depth".equals(e.getExtensions().get("measure"))
                            && Integer.valueOf(15).equals(e.getExtensions().get("limit"))
                            && ((Number) e.getExtensions().get("measured")).intValue() == 18)
                    .verify();
        }
    }

    @Test
    void aRepeatedInvalidQueryIsRefusedEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document("{ board(id: \"board-hwbb\") { noSuchField } }").execute().errors()
                    .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")))
                    .verify();
        }
    }

    @Test
    void tooComplex() {
        graphQl.document("{ actions(first: 100) { edges { node { " + ACTION_FIELDS + " } } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).isEmpty());
        graphQl.document("{ a: actions(first: 100) { edges { node { " + ACTION_FIELDS + " } } }"
                        + " b: actions(first: 100) { edges { node { " + ACTION_FIELDS + " } } }"
                        + " boards(first: 100) { edges { node { id name kind shortName aliases reportsTo { id name } subBoards { id name } } } } }")
                .execute().errors()
                .expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "complexity".equals(e.getExtensions().get("measure"))
                        && Integer.valueOf(10000).equals(e.getExtensions().get("limit")))
                .verify();
    }

    @Test
    void nestedListsWithoutPagesAreStoppedAtTheResultLimitWithNoData() {
        String hop = "actions { id delivers { ... on Strategy { %s } } }";
        String query = "{ strategy(id: \"strategy-hwbs-2022-2026\") { " + hop.formatted(hop.formatted(hop.formatted("id"))) + " } }";
        graphQl.document(query).execute().errors()
                .expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "resultNodes".equals(e.getExtensions().get("measure"))
                        && Integer.valueOf(100000).equals(e.getExtensions().get("limit"))
                        && ((Number) e.getExtensions().get("measured")).intValue() > 100000)
                .verify()
                .path("strategy").pathDoesNotExist();
        String actionId;
        try (var session = driver.session()) {
            actionId = session.run("MATCH (a:Action)-[:DELIVERS]->(:Strategy {id: 'strategy-hwbs-2022-2026'}) RETURN a.id ORDER BY a.id LIMIT 1")
                    .single().get(0).asString();
        }
        Map<String, Object> action = as("admin").document("query($id: ID!) { action(id: $id) { title version } }")
                .variable("id", actionId).execute().path("action").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        as("admin").document("mutation($id: ID!, $v: Int!, $title: String!) { updateAction(input: {id: $id, expectedVersion: $v, "
                        + "title: $title}) { action { id delivers { ... on Strategy { " + hop.formatted(hop.formatted(hop.formatted("id"))) + " } } } } }")
                .variable("id", actionId).variable("v", action.get("version")).variable("title", action.get("title")).execute()
                .errors()
                .expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "resultNodes".equals(e.getExtensions().get("measure")) && e.getMessage().startsWith("The change was made"))
                .verify()
                .path("updateAction.action.id").entity(String.class).isEqualTo(actionId);
        graphQl.document("{ strategy(id: \"strategy-hwbs-2022-2026\") { " + hop.formatted("id") + " } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isEmpty())
                .path("strategy.actions").entityList(Object.class).hasSizeGreaterThan(10);
    }

    @Test
    void aPageSizeFromAVariableIsMeasuredForEachValue() {
        String query = "query($n: Int) { a: actions(first: $n) { edges { node { " + ACTION_FIELDS + " } } }"
                + " b: actions(first: $n) { edges { node { " + ACTION_FIELDS + " } } }"
                + " c: actions(first: $n) { edges { node { " + ACTION_FIELDS + " } } } }";
        for (int n : new int[] {10, 100, 10, 100}) {
            var errors = graphQl.document(query).variable("n", n).execute().errors();
            if (n == 10) {
                errors.satisfy(e -> assertThat(e).isEmpty());
            } else {
                errors.expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "complexity".equals(e.getExtensions().get("measure"))).verify();
            }
        }
    }

    @Test
    void aDirectiveVariableIsMeasuredForEachValue() {
        String query = "query($deep: Boolean!) { board(id: \"board-bctt\") { id ... @include(if: $deep) { "
                + "reportsTo { ".repeat(16) + "id" + " }".repeat(16) + " } } }";
        for (boolean deep : new boolean[] {false, true, false, true}) {
            var errors = graphQl.document(query).variable("deep", deep).execute().errors();
            if (deep) {
                errors.expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "depth".equals(e.getExtensions().get("measure"))).verify();
            } else {
                errors.satisfy(e -> assertThat(e).isEmpty());
            }
        }
    }

    @Test
    void tooManyAliases() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            query.append(" a").append(i).append(": board(id: \"board-hwbb\") { id }");
        }
        graphQl.document(query.append(" }").toString()).execute().errors()
                .expect(e -> "QUERY_TOO_COMPLEX".equals(e.getExtensions().get("code"))
                        && "aliases".equals(e.getExtensions().get("measure")))
                .verify();
    }
}
