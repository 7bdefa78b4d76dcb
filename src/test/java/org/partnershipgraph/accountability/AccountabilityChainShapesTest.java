package org.partnershipgraph.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The chains of actions owned by boards, on a small graph where bodies have two parents: a
 * committee (TICA) of both the HWBB and the ICB, and a group reporting to the HWBB. Whatever the
 * owner stands to the accountable body (the same board, below it, above it, beside it), no path
 * names a node twice or says that a board is accountable to another.
 */
class AccountabilityChainShapesTest extends SyntheticGraphTestBase {

    private static final String CHAIN = """
            query($id: ID!) { accountabilityChain(actionId: $id) { paths { links { relationship
                node { ... on Board { id } ... on Action { id } ... on Post { id } ... on Organisation { id } ... on Person { id } } } } } }
            """;

    @BeforeEach
    void graph() {
        clear();
        write("""
                CREATE (hwbb:Board:Node {id: 'board-hwbb', name: 'HWBB', kind: 'BOARD'})
                CREATE (icb:Board:Node {id: 'board-icb', name: 'ICB', kind: 'BOARD'})
                CREATE (tica:Board:Node {id: 'board-tica', name: 'TICA', kind: 'COMMITTEE'})
                CREATE (g:Board:Node {id: 'board-group', name: 'Group', kind: 'GROUP'})
                CREATE (tica)-[:REPORTS_TO {relation: 'COMMITTEE_OF'}]->(hwbb)
                CREATE (tica)-[:REPORTS_TO {relation: 'COMMITTEE_OF'}]->(icb)
                CREATE (g)-[:REPORTS_TO {relation: 'REPORTS_TO'}]->(hwbb)
                """, Map.of(), false);
        actions(List.of("action-above", "action-same", "action-beside", "action-below"), "IN_PROGRESS",
                LocalDate.of(2026, 3, 31), LocalDate.of(2025, 1, 31));
        relate("OWNED_BY", List.of(Map.of("from", "action-above", "to", "board-hwbb"),
                Map.of("from", "action-same", "to", "board-tica"), Map.of("from", "action-beside", "to", "board-group"),
                Map.of("from", "action-below", "to", "board-tica")));
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-above", "to", "board-tica"),
                Map.of("from", "action-same", "to", "board-tica"), Map.of("from", "action-beside", "to", "board-tica"),
                Map.of("from", "action-below", "to", "board-hwbb")));
    }

    @Test
    void anOwnerAboveTheBodyIsPassedOnceOnTheBodysClimbAndNeverShownAccountableToIt() {
        assertThat(paths("action-above")).containsExactlyInAnyOrder(
                List.of("action-above ACCOUNTABLE_TO", "board-tica REPORTS_TO", "board-hwbb null"),
                List.of("action-above ACCOUNTABLE_TO", "board-tica REPORTS_TO", "board-icb null"));
    }

    @Test
    void pathsComeShortestFirstThenByTheIdsAlongThemAtEveryCall() {
        write("""
                MATCH (tica:Board {id: 'board-tica'})-[r:REPORTS_TO]->(hwbb:Board {id: 'board-hwbb'})
                DELETE r
                CREATE (tica)-[:REPORTS_TO {relation: 'COMMITTEE_OF'}]->(hwbb)
                """, Map.of(), false);
        for (int call = 0; call < 3; call++) {
            assertThat(paths("action-same")).containsExactly(
                    List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-hwbb null"),
                    List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-icb null"));
        }
        write("""
                MATCH (icb:Board {id: 'board-icb'})
                CREATE (:Board:Node {id: 'board-a-top', name: 'Top', kind: 'BOARD'})<-[:REPORTS_TO {relation: 'REPORTS_TO'}]-(icb)
                """, Map.of(), false);
        assertThat(paths("action-same")).containsExactly(
                List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-hwbb null"),
                List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-icb REPORTS_TO", "board-a-top null"));
    }

    @Test
    void anOwnerThatIsTheBodyIsReachedByOwnedBy() {
        assertThat(paths("action-same")).containsExactlyInAnyOrder(
                List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-hwbb null"),
                List.of("action-same OWNED_BY", "board-tica REPORTS_TO", "board-icb null"));
    }

    @Test
    void anOwnerBesideTheBodyIsNamedAloneAndTheirCommonParentOnce() {
        assertThat(paths("action-beside")).containsExactlyInAnyOrder(
                List.of("action-beside OWNED_BY", "board-group ACCOUNTABLE_TO", "board-tica REPORTS_TO", "board-hwbb null"),
                List.of("action-beside OWNED_BY", "board-group ACCOUNTABLE_TO", "board-tica REPORTS_TO", "board-icb null"));
    }

    @Test
    void anOwnerBelowTheBodyClimbsOnlyTheLinesThatReachIt() {
        assertThat(paths("action-below")).containsExactly(
                List.of("action-below OWNED_BY", "board-tica REPORTS_TO", "board-hwbb null"));
    }

    @Test
    void aLoopInReportingLinesOrAmongOrganisationsNamesNoNodeTwice() {
        write("""
                MATCH (g:Board {id: 'board-group'}), (hwbb:Board {id: 'board-hwbb'})
                CREATE (hwbb)-[:REPORTS_TO {relation: 'REPORTS_TO'}]->(g)
                CREATE (a:Organisation:Node {id: 'org-a', name: 'A'})-[:PART_OF]->(b:Organisation:Node {id: 'org-b', name: 'B'})
                CREATE (b)-[:PART_OF]->(a)
                CREATE (:Post:Node {id: 'post-lead', title: 'Lead'})-[:AT]->(a)
                """, Map.of(), false);
        actions(List.of("action-loop"), "IN_PROGRESS", LocalDate.of(2026, 3, 31), LocalDate.of(2025, 1, 31));
        relate("OWNED_BY", List.of(Map.of("from", "action-loop", "to", "post-lead")));
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-loop", "to", "board-group")));
        assertThat(paths("action-loop")).containsExactly(List.of("action-loop OWNED_BY", "post-lead AT", "org-a PART_OF",
                "org-b ACCOUNTABLE_TO", "board-group REPORTS_TO", "board-hwbb null"));

        write("CREATE (:Person:Node {id: 'person-lead', name: 'Lead'})-[:HOLDS]->(:Post:Node {id: 'post-second', title: 'Second'})",
                Map.of(), false);
        relate("AT", List.of(Map.of("from", "post-second", "to", "org-b")));
        actions(List.of("action-loop-person", "action-loop-org", "action-loop-board"), "IN_PROGRESS", LocalDate.of(2026, 3, 31),
                LocalDate.of(2025, 1, 31));
        relate("OWNED_BY", List.of(Map.of("from", "action-loop-person", "to", "person-lead"),
                Map.of("from", "action-loop-org", "to", "org-a"), Map.of("from", "action-loop-board", "to", "board-hwbb")));
        assertThat(paths("action-loop-person")).containsExactly(
                List.of("action-loop-person OWNED_BY", "person-lead HOLDS", "post-second AT", "org-b PART_OF", "org-a null"));
        assertThat(paths("action-loop-org")).containsExactly(List.of("action-loop-org OWNED_BY", "org-a PART_OF", "org-b null"));
        assertThat(paths("action-loop-board")).containsExactly(
                List.of("action-loop-board OWNED_BY", "board-hwbb REPORTS_TO", "board-group null"));
    }

    /** Each path as "node relationship" per link. */
    private List<List<String>> paths(String actionId) {
        List<Map<String, List<Map<String, Object>>>> paths = graphQl.document(CHAIN).variable("id", actionId).execute()
                .path("accountabilityChain.paths")
                .entity(new ParameterizedTypeReference<List<Map<String, List<Map<String, Object>>>>>() { }).get();
        return paths.stream().map(path -> path.get("links").stream()
                .map(link -> ((Map<?, ?>) link.get("node")).get("id") + " " + link.get("relationship")).toList()).toList();
    }
}
