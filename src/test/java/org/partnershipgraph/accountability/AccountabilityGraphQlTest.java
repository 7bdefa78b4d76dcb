package org.partnershipgraph.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.core.ParameterizedTypeReference;

/** Accountability on the real seed graph: chains as the documents describe them, commitments, unowned and overdue actions. */
class AccountabilityGraphQlTest extends GraphQlTestBase {

    private static final String CHAIN = """
            query($id: ID!) { accountabilityChain(actionId: $id) { owned message action { id }
              paths { top { __typename ... on Board { id } ... on Organisation { id } }
                      links { relationship relation node { __typename
                        ... on Action { id } ... on Post { id } ... on Person { id } ... on Organisation { id } ... on Board { id } } } } } }
            """;

    @Test
    void aMinutedActionRunsFromItsOwnerPostToTheHealthAndWellbeingBoard() {
        List<Map<String, Object>> paths = paths("action-001-hwbs-eight-week-public-consultation");
        assertThat(paths).isNotEmpty();
        List<String> first = ids(paths.getFirst());
        assertThat(first.getFirst()).isEqualTo("action-001-hwbs-eight-week-public-consultation");
        assertThat(first).contains("post-tc-director-of-public-health", "org-thurrock-council");
        assertThat(first.getLast()).isEqualTo("board-hwbb");
        List<String> relationships = relationships(paths.getFirst());
        assertThat(relationships.getFirst()).isEqualTo("OWNED_BY");
        assertThat(relationships.get(relationships.size() - 2)).isEqualTo("ACCOUNTABLE_TO");
        assertThat(relationships.getLast()).isNull();
    }

    @Test
    void twoParentsGiveTwoBranches() {
        String actionId;
        try (var session = driver.session()) {
            actionId = session.run("""
                    MATCH (a:Action)-[:ACCOUNTABLE_TO]->(:Board {id: 'board-bctt'}) RETURN a.id ORDER BY a.id LIMIT 1
                    """).single().get(0).asString();
        }
        List<Map<String, Object>> paths = paths(actionId);
        List<String> tops = paths.stream().map(p -> (String) ((Map<?, ?>) p.get("top")).get("id")).distinct().toList();
        assertThat(tops).contains("board-mse-icb", "board-hwbb");
        assertThat(paths).allSatisfy(p -> assertThat(ids(p)).contains("board-bctt", "board-tica"));
    }

    @Test
    void anActionWithNoOwnerSaysSo() {
        String actionId;
        try (var session = driver.session()) {
            actionId = session.run("MATCH (a:Action) WHERE NOT (a)-[:OWNED_BY]->() RETURN a.id ORDER BY a.id LIMIT 1")
                    .single().get(0).asString();
        }
        graphQl.document(CHAIN).variable("id", actionId).execute()
                .path("accountabilityChain.owned").entity(Boolean.class).isEqualTo(false)
                .path("accountabilityChain.message").entity(String.class).satisfies(m -> assertThat(m).contains("No owner"));
    }

    @Test
    void unknownActionHasNoChain() {
        graphQl.document(CHAIN).variable("id", "action-none").execute().path("accountabilityChain").valueIsNull();
    }

    @Test
    void commitmentsDirectAndTransitiveMatchTheGraph() {
        long direct = count("""
                MATCH (b:Board {id: 'board-hwbb'})<-[:ACCOUNTABLE_TO|OWNED_BY]-(a:Action) RETURN count(DISTINCT a)
                """);
        long transitive = count("""
                MATCH (:Board {id: 'board-hwbb'})<-[:REPORTS_TO*0..]-(:Board)<-[:ACCOUNTABLE_TO|OWNED_BY]-(a:Action)
                RETURN count(DISTINCT a)
                """);
        assertThat(transitive).isGreaterThan(direct);
        graphQl.document("""
                { direct: commitments(holderId: "board-hwbb") { totalCount }
                  transitive: commitments(holderId: "board-hwbb", transitive: true) { totalCount } }
                """).execute()
                .path("direct.totalCount").entity(Long.class).isEqualTo(direct)
                .path("transitive.totalCount").entity(Long.class).isEqualTo(transitive);
        long person = count("""
                MATCH (p:Person {id: 'person-jo-broadbent'})
                MATCH (a:Action) WHERE (a)-[:OWNED_BY]->(p) OR (a)-[:OWNED_BY]->(:Post)<-[:HOLDS]-(p)
                RETURN count(DISTINCT a)
                """);
        graphQl.document("{ commitments(holderId: \"person-jo-broadbent\") { totalCount } }").execute()
                .path("commitments.totalCount").entity(Long.class).isEqualTo(person);
    }

    @Test
    void aPostAnswersTransitivelyForWhatItsHolderOwnsAsTheChainDoes() {
        String action = "action-001-hwbs-engage-school-infrastructure-group";
        String post = "post-tc-director-of-public-health";
        assertThat(ids(paths(action).getFirst())).containsSubsequence(action, "person-jo-broadbent", post);
        long direct = count("MATCH (:Post {id: '" + post + "'})<-[:OWNED_BY]-(a:Action) RETURN count(a)");
        long transitive = count("""
                MATCH (g:Post {id: '%s'})
                MATCH (a:Action) WHERE (a)-[:OWNED_BY]->(g) OR (a)-[:OWNED_BY]->(:Person)-[:HOLDS]->(g)
                RETURN count(DISTINCT a)
                """.formatted(post));
        assertThat(transitive).isGreaterThan(direct);
        graphQl.document("""
                query($post: ID!) { direct: commitments(holderId: $post, first: 100) { totalCount edges { node { id } } }
                  transitive: commitments(holderId: $post, transitive: true, first: 100) { totalCount edges { node { id } } } }
                """).variable("post", post).execute()
                .path("direct.totalCount").entity(Long.class).isEqualTo(direct)
                .path("direct.edges[*].node.id").entityList(String.class).doesNotContain(action)
                .path("transitive.totalCount").entity(Long.class).isEqualTo(transitive)
                .path("transitive.edges[*].node.id").entityList(String.class).contains(action);
    }

    @Test
    void aFormerHolderNoLongerAnswersForThePostsCommitments() {
        String owned = "MATCH (a:Action)-[:OWNED_BY]->(:Post {id: 'post-tc-director-of-public-health'}) RETURN count(a)";
        assertThat(count(owned)).isGreaterThan(10);
        String ids = "query($id: ID!) { commitments(holderId: $id, first: 100) { edges { node { owner { ... on Post { id } } } } } }";
        graphQl.document(ids).variable("id", "person-ian-wake").execute()
                .path("commitments.edges[*].node.owner.id").entityList(String.class)
                .doesNotContain("post-tc-director-of-public-health")
                .contains("post-tc-executive-director-of-adults-housing-and-health");
        graphQl.document(ids).variable("id", "person-jo-broadbent").execute()
                .path("commitments.edges[*].node.owner.id").entityList(String.class)
                .contains("post-tc-director-of-public-health");
        graphQl.document("""
                { accountabilityChain(actionId: "action-001-hwbs-engage-early-years-group") {
                    paths { links { node { ... on Person { id } ... on Post { id } } } } } }
                """).execute()
                .path("accountabilityChain.paths[*].links[1].node.id").entityList(String.class)
                .satisfies(list -> assertThat(list).isNotEmpty().containsOnly("person-jo-broadbent"))
                .path("accountabilityChain.paths[*].links[2].node.id").entityList(String.class)
                .satisfies(list -> assertThat(list).isNotEmpty().containsOnly("post-tc-director-of-public-health"));
    }

    @Test
    void aPersonHoldingNoPostNowAnswersThroughThePostTheyHeld() {
        graphQl.document("""
                { accountabilityChain(actionId: "action-003-wp-2018-09-06-mh-peer-review") {
                    paths { links { relationship node { ... on Person { id } ... on Post { id } ... on Organisation { id } } } } }
                  people(filter: {organisation: "org-tc-adults-housing-health"}, first: 100) { edges { node { id } } }
                  commitments(holderId: "org-tc-adults-housing-health", transitive: true, first: 100) { edges { node { id } } } }
                """).execute()
                .path("accountabilityChain.paths[0].links[1].node.id").entity(String.class).isEqualTo("person-roger-harris")
                .path("accountabilityChain.paths[0].links[1].relationship").entity(String.class).isEqualTo("HELD")
                .path("accountabilityChain.paths[0].links[2].node.id").entity(String.class)
                .isEqualTo("post-tc-executive-director-of-adults-housing-and-health")
                .path("accountabilityChain.paths[0].links[3].node.id").entity(String.class).isEqualTo("org-tc-adults-housing-health")
                .path("people.edges[*].node.id").entityList(String.class).contains("person-roger-harris", "person-ian-wake")
                .path("commitments.edges[*].node.id").entityList(String.class).contains("action-003-wp-2018-09-06-mh-peer-review");
    }

    @Test
    void commitmentsOfAnUnknownHolderIsNotFound() {
        graphQl.document("{ commitments(holderId: \"person-nobody\") { totalCount } }").execute()
                .errors().expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void unownedAndOverdueActions() {
        graphQl.document("{ unownedActions { totalCount } overdueActions(asOf: \"2022-01-01\") { totalCount edges { node { dueDate status } } } }")
                .execute()
                .path("unownedActions.totalCount").entity(Long.class)
                .isEqualTo(count("MATCH (a:Action) WHERE NOT (a)-[:OWNED_BY]->() RETURN count(a)"))
                .path("overdueActions.totalCount").entity(Long.class).isEqualTo(count("""
                        MATCH (a:Action)-[:HAS_UPDATE]->(u)
                        WHERE a.dueDate < date('2022-01-01') AND u.date <= date('2022-01-01')
                        WITH a, u ORDER BY u.date DESC, u.seq DESC
                        WITH a, collect(u.status)[0] AS status
                        WHERE NOT status IN ['COMPLETE', 'CANCELLED']
                        RETURN count(a)
                        """));
    }

    @Test
    void anActionOwnedByABoardBelowItsBodyClimbsThroughThatBodyOnce() {
        List<Map<String, List<Map<String, Map<String, String>>>>> chain = graphQl.document("""
                { accountabilityChain(actionId: "action-004-manage-demand-and-market-fragility-risk") {
                    paths { links { node { ... on Board { id } ... on Action { id } ... on Organisation { id }
                                           ... on Post { id } ... on Person { id } } } } } }
                """).execute().path("accountabilityChain.paths")
                .entity(new ParameterizedTypeReference<List<Map<String, List<Map<String, Map<String, String>>>>>>() { }).get();
        List<List<String>> paths = chain.stream()
                .map(path -> path.get("links").stream().map(link -> link.get("node").get("id")).toList()).toList();
        assertThat(paths).isNotEmpty().doesNotHaveDuplicates().allSatisfy(path -> {
            assertThat(path).doesNotHaveDuplicates().containsOnlyOnce("board-bctt");
            assertThat(path.get(1)).isEqualTo("board-bctt-implementation-boards");
        });
    }

    @Test
    void noSeededChainNamesANodeTwiceOrMakesABoardAccountableToAnother() {
        List<String> actionIds;
        try (var session = driver.session()) {
            actionIds = session.run("""
                    MATCH (a:Action)-[:OWNED_BY]->(:Board) WHERE EXISTS { (a)-[:ACCOUNTABLE_TO]->() } RETURN a.id ORDER BY a.id
                    """).list(r -> r.get(0).asString());
        }
        assertThat(actionIds).contains("action-001-ticp-task-and-finish-learning-from-covid", "action-001-hwbb-note-bcf-report");
        for (String actionId : actionIds) {
            for (Map<String, Object> path : paths(actionId)) {
                List<String> ids = ids(path);
                List<String> relationships = relationships(path);
                assertThat(ids).as(actionId).doesNotHaveDuplicates();
                int accountable = relationships.indexOf("ACCOUNTABLE_TO");
                assertThat(accountable).as(actionId + ": only the action or its owner leads ACCOUNTABLE_TO").isIn(-1, 0, 1);
                if (accountable == 1) {
                    assertThat(ids.get(2)).as(actionId + ": the owner is not shown accountable to a body it reports up to, "
                            + "or that reports up to it").isNotIn(ancestors(ids.get(1)));
                    assertThat(ancestors(ids.get(2))).as(actionId).doesNotContain(ids.get(1));
                }
            }
        }
        assertThat(relationships(paths("action-001-hwbb-note-bcf-report").getFirst()).getFirst()).isEqualTo("OWNED_BY");
        assertThat(paths("action-001-ticp-task-and-finish-learning-from-covid")).singleElement()
                .satisfies(path -> assertThat(relationships(path)).doesNotContain("ACCOUNTABLE_TO"))
                .satisfies(path -> assertThat(ids(path)).endsWith("board-hwbb"));
    }

    @Test
    void aStrategyRollUpEqualsAHandCountOfItsActions() {
        long total = count("""
                MATCH (:Strategy {id: 'strategy-hwbs-2022-2026'})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action)
                RETURN count(DISTINCT a)
                """);
        long complete = count("""
                MATCH (:Strategy {id: 'strategy-hwbs-2022-2026'})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action {status: 'COMPLETE'})
                RETURN count(DISTINCT a)
                """);
        graphQl.document("{ progress(scope: {id: \"strategy-hwbs-2022-2026\"}) { total complete children { total } } }")
                .execute()
                .path("progress.total").entity(Long.class).isEqualTo(total)
                .path("progress.complete").entity(Long.class).isEqualTo(complete)
                .path("progress.children").entityList(Object.class).hasSize(6);
    }

    private List<Map<String, Object>> paths(String actionId) {
        return graphQl.document(CHAIN).variable("id", actionId).execute()
                .path("accountabilityChain.paths").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    /** The boards {@code boardId} reports to, at any depth. */
    private List<String> ancestors(String boardId) {
        try (var session = driver.session()) {
            return session.run("MATCH (:Board {id: $id})-[:REPORTS_TO*1..]->(b:Board) RETURN DISTINCT b.id",
                    Map.of("id", boardId)).list(r -> r.get(0).asString());
        }
    }

    private static List<String> ids(Map<String, Object> path) {
        return ((List<?>) path.get("links")).stream().map(l -> (String) ((Map<?, ?>) ((Map<?, ?>) l).get("node")).get("id")).toList();
    }

    private static List<String> relationships(Map<String, Object> path) {
        return ((List<?>) path.get("links")).stream().map(l -> (String) ((Map<?, ?>) l).get("relationship"))
                .collect(java.util.stream.Collectors.toList());
    }
}
