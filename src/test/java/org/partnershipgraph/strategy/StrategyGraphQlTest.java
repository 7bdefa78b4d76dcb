package org.partnershipgraph.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;

/** Strategies, domains and priorities as the portal reads them. */
class StrategyGraphQlTest extends GraphQlTestBase {

    @Test
    void healthAndWellbeingStrategyHasItsSixDomainsInOrder() {
        graphQl.document("""
                { strategies(filter: {title: "Health and Wellbeing Strategy 2022"}) {
                    totalCount
                    edges { node { id title period vision domains { number title } } } } }
                """)
                .execute()
                .path("strategies.totalCount").entity(Integer.class).isEqualTo(1)
                .path("strategies.edges[0].node.id").entity(String.class).isEqualTo("strategy-hwbs-2022-2026")
                .path("strategies.edges[0].node.vision").entity(String.class)
                .satisfies(v -> assertThat(v).containsIgnoringCase("Levelling the Playing Field"))
                .path("strategies.edges[0].node.domains[*].number").entityList(Integer.class)
                .containsExactly(1, 2, 3, 4, 5, 6)
                .path("strategies.edges[0].node.domains[*].title").entityList(String.class).containsExactly(
                        "Staying Healthier for Longer", "Building Strong and Cohesive Communities",
                        "Quality Care Centred Around the Person", "Opportunity for All",
                        "Housing and the Environment", "Community Safety");
    }

    @Test
    void strategyIsOwnedByTheHealthAndWellbeingBoardAndCitesItsSources() {
        graphQl.document("""
                { strategy(id: "strategy-hwbs-2022-2026") {
                    owners { __typename ... on Board { id } }
                    sources { document { id file date } lines }
                    domains { id strategy { id } } } }
                """)
                .execute()
                .path("strategy.owners[*].id").entityList(String.class).contains("board-hwbb")
                .path("strategy.sources").entityList(Map.class).satisfies(s -> assertThat(s).isNotEmpty())
                .path("strategy.domains[*].strategy.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).hasSize(6).containsOnly("strategy-hwbs-2022-2026"));
    }

    @Test
    void domainActionsAreThoseDeliveringTheDomainOrItsPriorities() {
        long expected = count("""
                MATCH (:Domain {id: 'domain-hwbs-5'})-[:HAS_PRIORITY*0..1]->(x)<-[:DELIVERS]-(a:Action)
                RETURN count(DISTINCT a)
                """);
        graphQl.document("{ node(id: \"domain-hwbs-5\") { ... on Domain { title actions { id } } } }")
                .execute()
                .path("node.title").entity(String.class).isEqualTo("Housing and the Environment")
                .path("node.actions").entityList(Object.class).hasSize((int) expected);
        assertThat(expected).isPositive();
    }

    @Test
    void prioritiesComeInTheirNumbersOrder() {
        graphQl.document("""
                { strategy(id: "strategy-thurrock-sexual-assault-and-abuse-mental-health-pathway") {
                    domains { id priorities { number } } } }
                """).execute()
                .path("strategy.domains[?(@.id == 'domain-003-saap-whole-system-issues')].priorities[*].number")
                .entityList(String.class).containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11");
    }

    @Test
    void strategiesWithoutAStartDateComeLastEitherWay() {
        for (String direction : new String[] {"ASC", "DESC"}) {
            graphQl.document("query($d: OrderDirection!) { strategies(first: 1, orderBy: {field: START_DATE, direction: $d}) { edges { node { startDate } } } }")
                    .variable("d", direction).execute()
                    .path("strategies.edges[0].node.startDate").hasValue();
        }
    }

    @Test
    void unknownStrategyIsNull() {
        graphQl.document("{ strategy(id: \"strategy-none\") { id } }")
                .execute()
                .path("strategy").valueIsNull();
    }

    @Test
    void strategiesPageAndSortByTitle() {
        List<String> titles = graphQl.document("{ strategies(first: 100, orderBy: {field: TITLE}) { edges { node { title } } } }")
                .execute()
                .path("strategies.edges[*].node.title").entityList(String.class).get();
        assertThat(titles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }
}
