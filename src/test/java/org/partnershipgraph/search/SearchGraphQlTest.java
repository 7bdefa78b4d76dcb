package org.partnershipgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipgraph.GraphQlTestBase;

/** Full-text search across actions, organisations, boards, strategies and people. */
class SearchGraphQlTest extends GraphQlTestBase {

    private static final String SEARCH = """
            query($text: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
              search(text: $text, kinds: $kinds, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { score entity {
                  __typename
                  ... on Action { id title }
                  ... on Organisation { id name }
                  ... on Board { id name shortName }
                  ... on Strategy { id title }
                  ... on Person { id name }
                } } }
              }
            }
            """;

    @Test
    void textWhoseWordsTheIndexSplitsFurtherIsAnsweredOrRefusedNeverAnInternalError() {
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            han.appendCodePoint(0x4E00 + i * 7);
        }
        for (String text : List.of(han.toString(), han.substring(0, 40) + " " + han.substring(40, 80), "a\u30a2".repeat(100),
                "a\u0e01".repeat(100))) {
            graphQl.document(SEARCH).variable("text", text).execute().errors()
                    .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("words"))
                    .verify();
        }
        for (String text : List.of(han.substring(0, 10), "Thurrock" + han.substring(0, 3), "\u0e01\u0e32\u0e23".repeat(40))) {
            graphQl.document(SEARCH).variable("text", text).execute().errors().verify()
                    .path("search.totalCount").entity(Integer.class).isEqualTo(0);
        }
    }

    @Test
    void aCapitalDottedIIsLoweredAsTheIndexLowersIt() {
        int plain = graphQl.document(SEARCH).variable("text", "integrated care").execute()
                .path("search.totalCount").entity(Integer.class).get();
        assertThat(plain).isPositive();
        graphQl.document(SEARCH).variable("text", "\u0130NTEGRATED CARE").execute()
                .path("search.totalCount").entity(Integer.class).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Economic Development and Skills Partnership=board-economic-development-and-skills-partnership",
            "St Luke's Hospice=org-st-lukes-hospice",
            "St Luke’s=org-st-lukes-hospice",
            "14,000 UDAs=action-002-dental-recurrent-udas-2024-25",
            "5.9% national target=action-002-mseft-outpatient-improvement-pifu"})
    void findsWhatANameSpellsWithAmpersandsApostrophesAndNumbersAsPeopleTypeThem(String textAndId) {
        String[] parts = textAndId.split("=");
        graphQl.document(SEARCH).variable("text", parts[0]).variable("first", 100).execute()
                .path("search.edges[*].node.entity.id").entityList(String.class).contains(parts[1]);
    }

    @Test
    void andAmongOtherWordsIsNotRequiredButAloneItIs() {
        int and = graphQl.document(SEARCH).variable("text", "and").execute().path("search.totalCount").entity(Integer.class).get();
        assertThat(and).isPositive();
        int skills = graphQl.document(SEARCH).variable("text", "skills").execute().path("search.totalCount").entity(Integer.class).get();
        graphQl.document(SEARCH).variable("text", "skills and").execute()
                .path("search.totalCount").entity(Integer.class).isEqualTo(skills);
    }

    @Test
    void anEmptyPageAfterTheEndHasNothingBeforeIt() {
        graphQl.document(SEARCH).variable("text", "zzzunknownword").variable("after", "cG9zOjQ").execute()
                .path("search.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.document("""
                query($after: String) { search(text: "zzzunknownword", after: $after) { pageInfo { hasPreviousPage } } }
                """).variable("after", "cG9zOjQ").execute()
                .path("search.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void findsABoardByItsShortNameFirst() {
        graphQl.document(SEARCH).variable("text", "HWBB").execute()
                .path("search.edges[0].node.entity.__typename").entity(String.class).isEqualTo("Board")
                .path("search.edges[0].node.entity.id").entity(String.class).isEqualTo("board-hwbb");
    }

    @Test
    void everyWordMustMatchAWordOrTheStartOfOne() {
        List<String> names = graphQl.document(SEARCH).variable("text", "Broadb").variable("kinds", List.of("PERSON"))
                .execute()
                .path("search.edges[*].node.entity.name").entityList(String.class).get();
        assertThat(names).contains("Jo Broadbent").allSatisfy(name -> assertThat(name.toLowerCase()).contains("broadb"));
        graphQl.document(SEARCH).variable("text", "Jo Broadbent zzzunknownword").execute()
                .path("search.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aWordWithAnApostropheMatchesItInEitherForm() {
        Map<String, String> expected = Map.of("Brighter Futures Children's Partnership Board", "board-brighter-futures",
                "People\u2019s Panel", "board-orsett-hospital-peoples-panel",
                "King's College", "org-kings-college-london",
                "King\u2019s College London", "org-kings-college-london",
                "Brighter Futures Childrens", "board-brighter-futures");
        expected.forEach((text, id) -> graphQl.document(SEARCH).variable("text", text).variable("kinds", List.of("BOARD", "ORGANISATION"))
                .execute().path("search.edges[*].node.entity.id").entityList(String.class).contains(id));
    }

    @Test
    void kindsKeepOnlyThoseEntities() {
        graphQl.document(SEARCH).variable("text", "health").variable("kinds", List.of("BOARD", "STRATEGY"))
                .variable("first", 100).execute()
                .path("search.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isPositive())
                .path("search.edges[*].node.entity.__typename").entityList(String.class)
                .satisfies(types -> assertThat(Set.copyOf(types)).isSubsetOf("Board", "Strategy"));
    }

    @Test
    void countsEveryEntityWithAWordStartingSo() {
        long matches = count("""
                MATCH (n) WHERE n:Action OR n:Organisation OR n:Board OR n:Strategy OR n:Person
                WITH n, [n.title, n.description, n.name, n.shortName, n.vision] + coalesce(n.aliases, []) AS texts
                WHERE any(text IN texts WHERE text =~ '(?is).*\\\\bwellbe.*')
                RETURN count(n)
                """);
        assertThat(matches).isGreaterThan(20);
        graphQl.document(SEARCH).variable("text", "Wellbe").execute()
                .path("search.totalCount").entity(Long.class).isEqualTo(matches);
    }

    @Test
    void pagesDoNotOverlapAndCoverEveryHit() {
        Set<String> seen = new HashSet<>();
        String after = null;
        int total = -1;
        for (int page = 0; page < 50; page++) {
            var response = graphQl.document(SEARCH).variable("text", "mental health").variable("first", 7)
                    .variable("after", after).execute();
            total = response.path("search.totalCount").entity(Integer.class).get();
            List<String> ids = response.path("search.edges[*].node.entity.id").entityList(String.class).get();
            ids.forEach(id -> assertThat(seen.add(id)).as("%s appears on one page only", id).isTrue());
            List<Double> scores = response.path("search.edges[*].node.score").entityList(Double.class).get();
            assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            if (!response.path("search.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            after = response.path("search.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(total).isGreaterThan(7);
        assertThat(seen).hasSize(total);
    }

    @Test
    void searchTextIsNeverLuceneSyntax() {
        for (String text : List.of("title:HWBB", "HWBB AND *", "\"HWBB", "HWBB~2", "(HWBB", "HWBB^10 OR",
                "' OR 1=1 //", "\") MATCH (n) DETACH DELETE n //", "NOT HWBB", "hwbb/")) {
            graphQl.document(SEARCH).variable("text", text).execute().path("search.totalCount").hasValue();
        }
        graphQl.document(SEARCH).variable("text", "(HWBB~^\"*").execute()
                .path("search.edges[*].node.entity.id").entityList(String.class).contains("board-hwbb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "%%%", "🙂", "a b c d e f g h i j k"})
    void textWithoutWordsOrWithTooManyIsABadRequest(String text) {
        graphQl.document(SEARCH).variable("text", text).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
    }

    @Test
    void overlongTextIsABadRequest() {
        graphQl.document(SEARCH).variable("text", "x".repeat(201)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("at most 200")));
    }

    @Test
    void everyRoleMaySearch() {
        for (String user : List.of("partner", "hwbb-secretariat", "auditor", "admin")) {
            as(user).document(SEARCH).variables(Map.of("text", "Healthwatch")).execute()
                    .path("search.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isPositive());
        }
    }
}
