package org.partnershipgraph.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;

/** The actions connection: filters, ordering, pagination, and each action's links. */
class ActionGraphQlTest extends GraphQlTestBase {

    @Test
    void anActionsMilestonesComeWithTheirSourcesAndLeadBackToIt() {
        graphQl.document("""
                { action(id: "action-001-cancer-fit-pathway") { milestones { id title reachedDate action { id }
                    sources { document { id } lines quote } } }
                  frailty: action(id: "action-001-cancer-frailty-pathway") { milestones { reachedDate } }
                  node(id: "milestone-001-cancer-skin-analytics") { ... on Milestone { title action { id } } }
                  other: action(id: "action-001-hwbs-eight-week-public-consultation") { milestones { id } } }
                """).execute()
                .path("action.milestones[*].id").entityList(String.class).containsExactly("milestone-001-cancer-fit-pathway")
                .path("action.milestones[0].title").entity(String.class).isEqualTo("Fit pathway now in place and being utilised.")
                .path("action.milestones[0].reachedDate").entity(String.class).isEqualTo("2021-10-29")
                .path("action.milestones[0].action.id").entity(String.class).isEqualTo("action-001-cancer-fit-pathway")
                .path("action.milestones[0].sources[0].lines").entity(String.class).isEqualTo("2900-2902")
                .path("frailty.milestones[0].reachedDate").valueIsNull()
                .path("node.title").entity(String.class).isEqualTo("Now being used by 22 practices in Thurrock.")
                .path("node.action.id").entity(String.class).isEqualTo("action-001-cancer-skin-analytics")
                .path("other.milestones").entityList(Object.class).hasSize(0);
    }

    @Test
    void beforeItsSourceDocumentsDateAnActionsStateIsUnknown() {
        as("auditor").document("""
                { action(id: "action-001-cancer-fit-pathway") {
                    before: stateAsOf(date: "2021-10-28") { date status rag percentComplete ownerId dueDate }
                    stated: stateAsOf(date: "2021-10-29") { status ownerId } } }
                """).execute()
                .path("action.before.date").entity(String.class).isEqualTo("2021-10-28")
                .path("action.before.status").valueIsNull()
                .path("action.before.rag").valueIsNull()
                .path("action.before.percentComplete").valueIsNull()
                .path("action.before.ownerId").valueIsNull()
                .path("action.before.dueDate").valueIsNull()
                .path("action.stated.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("action.stated.ownerId").entity(String.class).isEqualTo("org-thurrock-ccg");
    }

    @Test
    void totalCountIsEveryAction() {
        graphQl.document("{ actions { totalCount } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(count("MATCH (a:Action) RETURN count(a)"));
    }

    @Test
    void filterByStatus() {
        long complete = count("MATCH (a:Action {status: 'COMPLETE'}) RETURN count(a)");
        assertThat(complete).isPositive();
        graphQl.document("{ actions(first: 100, filter: {status: [COMPLETE]}) { totalCount edges { node { status } } } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(complete)
                .path("actions.edges[*].node.status").entityList(String.class)
                .satisfies(s -> assertThat(s).containsOnly("COMPLETE"));
    }

    @Test
    void filterByOwnerBoardStrategyAndDueDate() {
        long byBoard = count("MATCH (:Board {id: 'board-hwbb'})<-[:ACCOUNTABLE_TO]-(a:Action) RETURN count(a)");
        graphQl.document("{ actions(filter: {board: \"board-hwbb\"}) { totalCount } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(byBoard);
        long byStrategy = count("""
                MATCH (:Strategy {id: 'strategy-hwbs-2022-2026'})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action)
                RETURN count(DISTINCT a)
                """);
        assertThat(byStrategy).isPositive();
        graphQl.document("{ actions(filter: {strategy: \"strategy-hwbs-2022-2026\"}) { totalCount } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(byStrategy);
        long byOwner = count("MATCH (:Node {id: 'org-nhs-england'})<-[:OWNED_BY]-(a:Action) RETURN count(a)");
        graphQl.document("{ actions(filter: {owner: \"org-nhs-england\"}) { totalCount } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(byOwner);
        List<String> dues = graphQl.document("""
                { actions(first: 100, filter: {dueBefore: "2022-01-01"}, orderBy: {field: DUE_DATE, direction: DESC}) {
                    edges { node { dueDate } } } }
                """)
                .execute()
                .path("actions.edges[*].node.dueDate").entityList(String.class).get();
        assertThat(dues).isNotEmpty().allSatisfy(d -> assertThat(LocalDate.parse(d)).isBefore(LocalDate.of(2022, 1, 1)));
        assertThat(dues).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void undatedActionsComeLastEitherWayAndStatusesSortInTheirDeclaredOrder() {
        long dated = count("MATCH (:Board {id: 'board-001-arrs-programme-board'})<-[:ACCOUNTABLE_TO]-(a:Action) WHERE a.dueDate IS NOT NULL RETURN count(a)");
        long undated = count("MATCH (:Board {id: 'board-001-arrs-programme-board'})<-[:ACCOUNTABLE_TO]-(a:Action) WHERE a.dueDate IS NULL RETURN count(a)");
        assertThat(dated).isPositive();
        assertThat(undated).isPositive();
        assertThat(dated + undated).isLessThanOrEqualTo(100);
        String byDue = """
                query($direction: OrderDirection!) { actions(first: 100, filter: {board: "board-001-arrs-programme-board"},
                    orderBy: {field: DUE_DATE, direction: $direction}) { edges { node { dueDate } } } }
                """;
        for (String direction : List.of("ASC", "DESC")) {
            List<String> dues = graphQl.document(byDue).variable("direction", direction).execute()
                    .path("actions.edges[*].node.dueDate").entityList(String.class).get();
            assertThat(dues).hasSize((int) (dated + undated));
            assertThat(dues.subList(0, (int) dated)).as(direction).doesNotContainNull()
                    .isSortedAccordingTo(direction.equals("ASC") ? Comparator.<String>naturalOrder() : Comparator.<String>reverseOrder());
            assertThat(dues.subList((int) dated, dues.size())).as(direction).containsOnlyNulls();
        }
        List<String> statuses = graphQl.document("""
                { actions(first: 100, filter: {status: [COMPLETE, NOT_STARTED, IN_PROGRESS]}, orderBy: {field: STATUS}) {
                    edges { node { status } } } }
                """).execute().path("actions.edges[*].node.status").entityList(String.class).get();
        List<String> declared = List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETE");
        assertThat(statuses).isNotEmpty().isSortedAccordingTo(Comparator.comparingInt(declared::indexOf));
        assertThat(statuses.getFirst()).isEqualTo("NOT_STARTED");
    }

    @Test
    void pagesWalkTheWholeListOnceWithCursors() {
        long total = count("MATCH (a:Action {status: 'IN_PROGRESS'}) RETURN count(a)");
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var response = graphQl.document("""
                    query($after: String) { actions(first: 50, after: $after, filter: {status: [IN_PROGRESS]},
                        orderBy: {field: TITLE}) {
                      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }
                    """)
                    .variable("after", after)
                    .execute();
            seen.addAll(response.path("actions.edges[*].node.id").entityList(String.class).get());
            hasNext = response.path("actions.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("actions.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
    }

    @Test
    void combinedFiltersMatchEveryFilterWhicheverStartsTheSearch() {
        String statuses = "['IN_PROGRESS', 'NOT_STARTED', 'AT_RISK']";
        long boardAndStatus = count("MATCH (:Board {id: 'board-hwbb'})<-[:ACCOUNTABLE_TO]-(a:Action) WHERE a.status IN "
                + statuses + " RETURN count(a)");
        graphQl.document("{ actions(filter: {board: \"board-hwbb\", status: [IN_PROGRESS, NOT_STARTED, AT_RISK]}) { totalCount } }")
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(boardAndStatus);
        long strategyAndOwner = count("""
                MATCH (:Strategy {id: 'strategy-hwbs-2022-2026'})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action)
                WHERE EXISTS { (a)-[:OWNED_BY]->(:Node {id: 'org-tc-public-health'}) }
                RETURN count(DISTINCT a)
                """);
        assertThat(strategyAndOwner).isPositive();
        graphQl.document("""
                { actions(filter: {strategy: "strategy-hwbs-2022-2026", owner: "org-tc-public-health"}) { totalCount } }
                """)
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(strategyAndOwner);
        long strategyAndStatus = count("""
                MATCH (:Strategy {id: 'strategy-hwbs-2022-2026'})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->()<-[:DELIVERS]-(a:Action)
                WHERE a.status IN %s
                RETURN count(DISTINCT a)
                """.formatted(statuses));
        assertThat(strategyAndStatus).isPositive();
        graphQl.document("""
                { actions(filter: {strategy: "strategy-hwbs-2022-2026", status: [IN_PROGRESS, NOT_STARTED, AT_RISK]}) { totalCount } }
                """)
                .execute()
                .path("actions.totalCount").entity(Long.class).isEqualTo(strategyAndStatus);
        long all = count("MATCH (a:Action) RETURN count(a)");
        graphQl.document("{ actions { totalCount } }").execute().path("actions.totalCount").entity(Long.class).isEqualTo(all);
    }

    @Test
    void actionCarriesOwnerAccountableBodyDeliversAndSources() {
        Map<String, Object> action = graphQl.document("""
                { actions(first: 1, filter: {board: "board-hwbb", strategy: "strategy-hwbs-2022-2026"}) { edges { node {
                    id title status version
                    owner { __typename ... on Post { id title } ... on Person { id name } ... on Organisation { id name } ... on Board { id name } }
                    accountableTo { id }
                    delivers { __typename ... on Strategy { id } ... on Domain { id } ... on Priority { id } }
                    sources { document { id } lines quote } } } } }
                """)
                .execute()
                .path("actions.edges[0].node").entity(Map.class).get();
        assertThat(action.get("accountableTo")).isEqualTo(Map.of("id", "board-hwbb"));
        assertThat((List<?>) action.get("delivers")).isNotEmpty();
        assertThat((List<?>) action.get("sources")).isNotEmpty();
        assertThat(action.get("version")).isEqualTo(0);
    }

    @Test
    void dependenciesAreReadBothWays() {
        var pair = count("MATCH (:Action)-[:DEPENDS_ON]->(:Action) RETURN count(*)");
        assertThat(pair).as("the seed's dependencies between actions").isPositive();
        String id;
        String dependsOn;
        try (var session = driver.session()) {
            var row = session.run("MATCH (a:Action)-[:DEPENDS_ON]->(b:Action) RETURN a.id AS a, b.id AS b ORDER BY a.id LIMIT 1").single();
            id = row.get("a").asString();
            dependsOn = row.get("b").asString();
        }
        graphQl.document("query($id: ID!, $b: ID!) { a: action(id: $id) { dependsOn { id } } b: action(id: $b) { dependents { id } } }")
                .variable("id", id)
                .variable("b", dependsOn)
                .execute()
                .path("a.dependsOn[*].id").entityList(String.class).contains(dependsOn)
                .path("b.dependents[*].id").entityList(String.class).contains(id);
    }
}
