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
    void indicatorsMeasureAStrategyThroughItsDomainsAndPrioritiesAndSayWhatTheyMeasure() {
        long hwbs = count("""
                MATCH (s:Strategy {id: 'strategy-hwbs-2022-2026'})
                OPTIONAL MATCH (s)<-[:MEASURES]-(direct:Indicator)
                OPTIONAL MATCH (s)-[:HAS_DOMAIN]->(:Domain)<-[:MEASURES]-(viaDomain:Indicator)
                OPTIONAL MATCH (s)-[:HAS_DOMAIN]->(:Domain)-[:HAS_PRIORITY]->(:Priority)<-[:MEASURES]-(viaPriority:Indicator)
                WITH collect(direct) + collect(viaDomain) + collect(viaPriority) AS all
                UNWIND all AS i
                RETURN count(DISTINCT i)
                """);
        assertThat(hwbs).isGreaterThan(10);
        graphQl.document("""
                { strategy(id: "strategy-hwbs-2022-2026") { indicators { id } domains { id indicators { id } } }
                  measuring: indicators(first: 100, filter: {measures: "strategy-hwbs-2022-2026"}) { totalCount }
                  longTermPlan: strategy(id: "strategy-nhs-long-term-plan") {
                      indicators { id } domains { id priorities { id indicators { id } } } }
                  cancer: indicators(first: 100, filter: {measures: "strategy-nhs-long-term-plan"}) { edges { node { id } } }
                  organisations(filter: {partOf: "org-thurrock-council"}) { totalCount }
                  strategies(first: 100, filter: {owner: "board-hwbb"}) { totalCount edges { node { id } } } }
                """).execute()
                .path("strategy.indicators[*].id").entityList(String.class).hasSize((int) hwbs)
                .contains("indicator-001-gp-appointments-per-year")
                .path("strategy.domains[?(@.id == 'domain-hwbs-3')].indicators[*].id").entityList(String.class)
                .contains("indicator-001-gp-appointments-per-year")
                .path("measuring.totalCount").entity(Long.class).isEqualTo(hwbs)
                .path("longTermPlan.indicators[*].id").entityList(String.class).contains("indicator-003-cancer-early-diagnosis")
                .path("longTermPlan.domains[?(@.id == 'domain-003-ltp-ch3')].priorities[?(@.id == 'priority-003-ltp-cancer-milestones')].indicators[*].id")
                .entityList(String.class).containsExactly("indicator-003-cancer-early-diagnosis")
                .path("cancer.edges[*].node.id").entityList(String.class).contains("indicator-003-cancer-early-diagnosis")
                .path("organisations.totalCount").entity(Long.class)
                .isEqualTo(count("MATCH (o:Organisation)-[:PART_OF]->(:Organisation {id: 'org-thurrock-council'}) RETURN count(DISTINCT o)"))
                .path("strategies.totalCount").entity(Long.class)
                .isEqualTo(count("MATCH (s:Strategy)<-[:OWNS]-(:Board {id: 'board-hwbb'}) RETURN count(DISTINCT s)"))
                .path("strategies.edges[*].node.id").entityList(String.class).contains("strategy-hwbs-2022-2026");
        assertThat(count("MATCH (o:Organisation)-[:PART_OF]->(:Organisation {id: 'org-thurrock-council'}) RETURN count(DISTINCT o)")).isPositive();
        graphQl.document("""
                { gp: indicators(filter: {name: "GP practice appointments provided in Thurrock (per year)"}) {
                      edges { node { measures { __typename ... on Strategy { id } ... on Domain { id } } } } }
                  cancer: indicators(filter: {name: "cancer"}, first: 100) {
                      edges { node { id measures { __typename ... on Domain { id } ... on Priority { id domain { id } } } } } } }
                """).execute()
                .path("gp.edges[0].node.measures[*].__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).containsExactlyInAnyOrder("Strategy", "Domain"))
                .path("gp.edges[0].node.measures[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("strategy-001-primary-care-access-recovery-plan", "domain-hwbs-3"))
                .path("cancer.edges[?(@.node.id == 'indicator-003-cancer-early-diagnosis')].node.measures[*].id")
                .entityList(String.class).satisfies(ids -> assertThat(ids)
                        .containsExactlyInAnyOrder("domain-003-ltp-ch3", "priority-003-ltp-cancer-milestones"))
                .path("cancer.edges[?(@.node.id == 'indicator-003-cancer-early-diagnosis')].node.measures[?(@.__typename == 'Priority')].domain.id")
                .entityList(String.class).containsExactly("domain-003-ltp-ch3");
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
