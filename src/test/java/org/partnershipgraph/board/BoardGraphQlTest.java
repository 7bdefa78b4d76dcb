package org.partnershipgraph.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;

/** Governance bodies: kinds, reporting lines (including documents that disagree), meetings. */
class BoardGraphQlTest extends GraphQlTestBase {

    @Test
    void ticaReportsToTheIcbAndTheHealthAndWellbeingBoardEachWithItsSource() {
        List<Map<String, Object>> lines = graphQl.document("""
                { board(id: "board-tica") { name kind reportsTo { id }
                    reportingLines { board { id } relation asOf sources { document { id date } lines quote } } } }
                """)
                .execute()
                .path("board.name").entity(String.class).isEqualTo("Thurrock Integrated Care Alliance")
                .path("board.reportsTo[*].id").entityList(String.class).contains("board-mse-icb", "board-hwbb")
                .path("board.reportingLines").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(lines).allSatisfy(line -> assertThat((List<?>) line.get("sources")).isNotEmpty());
        assertThat(lines).extracting(line -> (Object) ((Map<?, ?>) line.get("board")).get("id"))
                .contains("board-mse-icb", "board-hwbb");
    }

    @Test
    void subBoardsAreTheInverseOfReportsTo() {
        graphQl.document("{ board(id: \"board-tica\") { subBoards { id reportsTo { id } } } }")
                .execute()
                .path("board.subBoards[*].id").entityList(String.class).contains("board-bctt")
                .path("board.subBoards[0].reportsTo[*].id").entityList(String.class).contains("board-tica");
    }

    @Test
    void filterBoardsByKindAndName() {
        long committees = count("MATCH (b:Board {kind: 'COMMITTEE'}) RETURN count(b)");
        graphQl.document("{ boards(filter: {kind: [COMMITTEE]}) { totalCount } }")
                .execute()
                .path("boards.totalCount").entity(Long.class).isEqualTo(committees);
        graphQl.document("{ boards(filter: {name: \"hosc\"}) { edges { node { id } } } }")
                .execute()
                .path("boards.edges[*].node.id").entityList(String.class).contains("board-hosc");
    }

    @Test
    void aNameOrTitleFilterPastedWithBlanksAroundItStillMatches() {
        graphQl.document("""
                { boards(filter: {name: "  Health and Wellbeing Board\u00A0"}) { edges { node { id } } }
                  organisations(filter: {name: " Essex Partnership University "}) { edges { node { id } } }
                  strategies(filter: {title: "\tHealth and Wellbeing Strategy "}) { totalCount }
                  actions(filter: {title: " Cancer dashboard: Fit Pathway  "}) { edges { node { id } } } }
                """).execute()
                .path("boards.edges[*].node.id").entityList(String.class).contains("board-hwbb")
                .path("organisations.edges[*].node.id").entityList(String.class).contains("org-eput")
                .path("strategies.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("actions.edges[*].node.id").entityList(String.class).containsExactly("action-001-cancer-fit-pathway");
    }

    @Test
    void filterBoardsByTheBodyTheyReportToAloneAndWithKind() {
        List<String> reports = graphQl.document("{ boards(first: 100, filter: {reportsTo: \"board-bctt\"}) { totalCount edges { node { name } } } }")
                .execute()
                .path("boards.totalCount").entity(Long.class)
                .isEqualTo(count("MATCH (:Board {id: 'board-bctt'})<-[:REPORTS_TO]-(b:Board) RETURN count(DISTINCT b)"))
                .path("boards.edges[*].node.name").entityList(String.class).get();
        assertThat(reports).isNotEmpty().isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        long executives = count("MATCH (:Board {id: 'board-bctt'})<-[:REPORTS_TO]-(b:Board {kind: 'EXECUTIVE'}) RETURN count(DISTINCT b)");
        assertThat(executives).isPositive().isLessThan(reports.size());
        graphQl.document("{ boards(filter: {reportsTo: \"board-bctt\", kind: [EXECUTIVE]}) { totalCount } }")
                .execute()
                .path("boards.totalCount").entity(Long.class).isEqualTo(executives);
        graphQl.document("{ boards(filter: {reportsTo: \"no-such-board\"}) { totalCount } }")
                .execute()
                .path("boards.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aBoardsChairIsTheFirstTheDocumentsNameAndItsMeetingsAndDecisionsPointBack() {
        graphQl.document("""
                { tica: board(id: "board-tica") { chair { ... on Post { id } } chairs { ... on Post { id } } }
                  hwbb: board(id: "board-hwbb") { strategies { id } }
                  meeting(id: "meeting-001-hwbb-2021-07-23") { board { id } decisions { meeting { id } } } }
                """).execute()
                .path("tica.chair.id").entity(String.class).isEqualTo("post-tc-executive-director-of-adults-and-health")
                .path("tica.chairs[*].id").entityList(String.class)
                .containsExactly("post-tc-executive-director-of-adults-and-health", "post-mse-icb-thurrock-alliance-director")
                .path("hwbb.strategies[*].id").entityList(String.class).contains("strategy-hwbs-2022-2026")
                .hasSize((int) count("MATCH (:Board {id: 'board-hwbb'})-[:OWNS]->(s:Strategy) RETURN count(DISTINCT s)"))
                .path("meeting.board.id").entity(String.class).isEqualTo("board-hwbb")
                .path("meeting.decisions[*].meeting.id").entityList(String.class).hasSizeGreaterThan(5)
                .satisfies(ids -> assertThat(ids).containsOnly("meeting-001-hwbb-2021-07-23"));
    }

    @Test
    void aNameFilterMatchesEitherApostrophe() {
        for (String name : new String[] {"Children's", "Children\u2019s"}) {
            graphQl.document("query($n: String) { boards(filter: {name: $n}, first: 100) { edges { node { id } } } }")
                    .variable("n", name).execute()
                    .path("boards.edges[*].node.id").entityList(String.class)
                    .contains("board-brighter-futures", "board-childrens-overview-and-scrutiny-committee");
        }
        graphQl.document("{ organisations(filter: {name: \"King\u2019s College London\"}) { edges { node { id } } } }").execute()
                .path("organisations.edges[*].node.id").entityList(String.class).contains("org-kings-college-london");
    }

    @Test
    void aFilterInCapitalsWithTheDottedCapitalIMatchesAsInLowerCase() {
        String[][] filters = {
                {"boards", "name", "integrated care", "İNTEGRATED CARE"},
                {"organisations", "name", "integrated care", "İNTEGRATED CARE"},
                {"strategies", "title", "wellbeing", "WELLBEİNG"},
                {"actions", "title", "review", "REVİEW"},
        };
        for (String[] filter : filters) {
            String query = "query($t: String) { " + filter[0] + "(filter: {" + filter[1] + ": $t}) { totalCount } }";
            long lower = graphQl.document(query).variable("t", filter[2]).execute()
                    .path(filter[0] + ".totalCount").entity(Long.class).get();
            assertThat(lower).as(filter[0]).isPositive();
            graphQl.document(query).variable("t", filter[3]).execute()
                    .path(filter[0] + ".totalCount").entity(Long.class).isEqualTo(lower);
        }
    }

    @Test
    void decisionsComeInMinuteOrder() {
        graphQl.document("{ meeting(id: \"meeting-001-hwbb-2021-07-23\") { decisions { number } } }").execute()
                .path("meeting.decisions[*].number").entityList(String.class)
                .satisfies(numbers -> org.assertj.core.api.Assertions.assertThat(numbers).hasSizeGreaterThan(5)
                        .startsWith("2").endsWith("10"));
    }

    @Test
    void meetingsOfABoardNewestFirstWithDecisions() {
        long meetings = count("MATCH (:Board {id: 'board-hwbb'})<-[:OF]-(m:Meeting) RETURN count(m)");
        assertThat(meetings).isPositive();
        List<String> dates = graphQl.document("""
                { meetings(filter: {board: "board-hwbb"}) { totalCount edges { node { date board { id } decisions { id meeting { id } } } } } }
                """)
                .execute()
                .path("meetings.totalCount").entity(Long.class).isEqualTo(meetings)
                .path("meetings.edges[*].node.date").entityList(String.class).get();
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
}
