package org.partnershipgraph.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.partnershipgraph.graphql.TransientRetry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dependencies on synthetic graphs: a 35-deep chain (deeper than the cap), a ladder of 20
 * diamonds (a million paths between its ends), closures checked against a breadth-first search
 * in the test, delay impact, blockers, and the refusal of cycles.
 */
class DependencyGraphQlTest extends SyntheticGraphTestBase {

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    @Autowired
    Dependencies dependencies;

    private final Map<String, List<String>> dependsOn = new HashMap<>();

    @BeforeEach
    void graph() {
        clear();
        List<Map<String, Object>> actions = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i <= 35; i++) {
            actions.add(action("action-chain-" + i, "IN_PROGRESS", LocalDate.of(2030, 1, 1).minusDays(i)));
            if (i > 0) {
                edges.add(edge("action-chain-" + (i - 1), "action-chain-" + i));
            }
        }
        actions.add(action("action-diamond-top", "IN_PROGRESS", null));
        String previous = "action-diamond-top";
        for (int level = 1; level <= 20; level++) {
            String left = "action-diamond-" + level + "-l";
            String right = "action-diamond-" + level + "-r";
            String join = "action-diamond-" + level + "-j";
            actions.add(action(left, "IN_PROGRESS", null));
            actions.add(action(right, level == 7 ? "OFF_TRACK" : "IN_PROGRESS", null));
            actions.add(action(join, "IN_PROGRESS", null));
            edges.add(edge(previous, left));
            edges.add(edge(previous, right));
            edges.add(edge(left, join));
            edges.add(edge(right, join));
            previous = join;
        }
        actions(actions);
        relate("DEPENDS_ON", edges);
        edges.forEach(e -> dependsOn.computeIfAbsent((String) e.get("from"), k -> new ArrayList<>()).add((String) e.get("to")));
    }

    @Test
    void upstreamOfAChainMatchesABreadthFirstSearchAndSaysWhenItIsCut() {
        for (int depth : new int[] {1, 5, 29, 30}) {
            Map<String, Object> closure = graphQl.document("""
                    query($depth: Int) { action(id: "action-chain-0") { upstream(depth: $depth) {
                      depth cut actions { distance action { id } } } } }
                    """).variable("depth", depth).execute().path("action.upstream").entity(Map.class).get();
            assertThat(distances(closure)).isEqualTo(bfs("action-chain-0", depth, dependsOn));
            assertThat(closure.get("cut")).as("cut at depth " + depth).isEqualTo(true);
        }
        graphQl.document("{ action(id: \"action-chain-30\") { upstream(depth: 5) { cut actions { distance } } } }")
                .execute()
                .path("action.upstream.cut").entity(Boolean.class).isEqualTo(false)
                .path("action.upstream.actions").entityList(Object.class).hasSize(5);
    }

    @Test
    void askingBeyondTheCapIsCappedAndSaysSo() {
        graphQl.document("{ action(id: \"action-chain-0\") { upstream(depth: 100) { depth cut actions { distance } } } }")
                .execute()
                .path("action.upstream.depth").entity(Integer.class).isEqualTo(Dependencies.MAX_DEPTH)
                .path("action.upstream.cut").entity(Boolean.class).isEqualTo(true)
                .path("action.upstream.actions").entityList(Object.class).hasSize(Dependencies.MAX_DEPTH);
    }

    @Test
    void downstreamIsTheReverseClosure() {
        Map<String, List<String>> dependents = new HashMap<>();
        dependsOn.forEach((from, tos) -> tos.forEach(to -> dependents.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
        Map<String, Object> closure = graphQl.document("""
                { action(id: "action-chain-35") { downstream(depth: 10) { cut actions { distance action { id } } } } }
                """).execute().path("action.downstream").entity(Map.class).get();
        assertThat(distances(closure)).isEqualTo(bfs("action-chain-35", 10, dependents));
    }

    @Test
    void diamondsAreWalkedOncePerActionWithShortestDistances() {
        Map<String, Object> closure = graphQl.document("""
                { action(id: "action-diamond-top") { upstream(depth: 30) { cut actions { distance action { id } } } } }
                """).execute().path("action.upstream").entity(Map.class).get();
        Map<String, Integer> expected = bfs("action-diamond-top", 30, dependsOn);
        assertThat(expected).as("15 levels of 3 actions within 30 steps").hasSize(45);
        assertThat(distances(closure)).isEqualTo(expected);
        assertThat(closure.get("cut")).isEqualTo(true);
    }

    @Test
    void blockedByListsOpenUpstreamActionsAtRiskOrOffTrack() {
        graphQl.document("""
                { top: action(id: "action-diamond-top") { blockedBy { id } ragAssessment { rag derived reason } }
                  below: action(id: "action-diamond-8-l") { blockedBy { id } } }
                """)
                .execute()
                .path("top.blockedBy[*].id").entityList(String.class).containsExactly("action-diamond-7-r")
                .path("top.ragAssessment.rag").entity(String.class).isEqualTo("RED")
                .path("top.ragAssessment.reason").entity(String.class).isEqualTo("blocked by an off-track action it depends on")
                .path("below.blockedBy").entityList(Object.class).hasSize(0);
    }

    @Test
    void aCancelledActionUpstreamBlocksAndRatesAmber() {
        write("MATCH (r:Action {id: 'action-diamond-7-r'}) SET r.status = 'CANCELLED'", Map.of(), false);
        graphQl.document("""
                { top: action(id: "action-diamond-top") { blockedBy { id } ragAssessment { rag derived reason } }
                  below: action(id: "action-diamond-7-j") { blockedBy { id } } }
                """)
                .execute()
                .path("top.blockedBy[*].id").entityList(String.class).containsExactly("action-diamond-7-r")
                .path("top.ragAssessment.rag").entity(String.class).isEqualTo("AMBER")
                .path("top.ragAssessment.reason").entity(String.class).isEqualTo("waits on a cancelled action")
                .path("below.blockedBy").entityList(Object.class).hasSize(0);
    }

    @Test
    void askingBeyondTheCapOfAShortChainIsNotCut() {
        graphQl.document("{ action(id: \"action-chain-30\") { upstream(depth: 100) { depth cut actions { distance } } } }")
                .execute()
                .path("action.upstream.depth").entity(Integer.class).isEqualTo(Dependencies.MAX_DEPTH)
                .path("action.upstream.cut").entity(Boolean.class).isEqualTo(false)
                .path("action.upstream.actions").entityList(Object.class).hasSize(5);
    }

    @Test
    void aFinishedActionPassesNoBlockOnFromTheDayItFinished() {
        write("""
                MATCH (j:Action {id: 'action-diamond-6-j'}) SET j.status = 'COMPLETE', j.asOf = date('2025-06-01')
                CREATE (j)-[:HAS_UPDATE]->(:ProgressUpdate {id: 'action-diamond-6-j-done', date: date('2025-06-01'),
                                                            status: 'COMPLETE', seq: 1, author: 'test'})
                WITH j MATCH (top:Action {id: 'action-diamond-top'})
                CREATE (top)-[:DELIVERS]->(:Priority:Node {id: 'priority-diamonds', title: 'Diamonds'})
                """, Map.of(), false);
        graphQl.document("""
                { top: action(id: "action-diamond-top") { blockedBy { id } ragAssessment { rag reason } }
                  left: action(id: "action-diamond-6-l") { blockedBy { id } }
                  done: action(id: "action-diamond-6-j") { blockedBy { id } }
                  before: progress(scope: {id: "priority-diamonds", asOf: "2025-05-31"}) { byRag { rag count } }
                  after: progress(scope: {id: "priority-diamonds", asOf: "2025-06-01"}) { byRag { rag count } } }
                """)
                .execute()
                .path("top.blockedBy").entityList(Object.class).hasSize(0)
                .path("top.ragAssessment.rag").entity(String.class).isEqualTo("GREEN")
                .path("left.blockedBy").entityList(Object.class).hasSize(0)
                .path("done.blockedBy").entityList(Object.class).hasSize(0)
                .path("before.byRag[?(@.rag == 'RED')].count").entityList(Integer.class).containsExactly(1)
                .path("before.byRag[?(@.rag == 'GREEN')].count").entityList(Integer.class).containsExactly(0)
                .path("after.byRag[?(@.rag == 'RED')].count").entityList(Integer.class).containsExactly(0)
                .path("after.byRag[?(@.rag == 'GREEN')].count").entityList(Integer.class).containsExactly(1);
    }

    @Test
    void impactIfDelayedPassesTheDelayAlongTheChain() {
        write("""
                MATCH (a:Action {id: 'action-chain-3'}) SET a.dueDate = date('2030-01-01')
                WITH a MATCH (b:Action {id: 'action-chain-2'}) SET b.startDate = date('2030-01-01'), b.dueDate = date('2030-03-01')
                WITH a MATCH (c:Action {id: 'action-chain-1'}) SET c.dueDate = date('2030-03-15'), c.leadTimeDays = 10
                WITH a MATCH (d:Action {id: 'action-chain-0'}) SET d.startDate = date('2030-04-01'), d.dueDate = date('2030-06-01')
                """, Map.of(), false);
        String impact = """
                query($by: Int) { action(id: "action-chain-3") { impactIfDelayed(byDays: $by) {
                    action { id } distance latestStart slackDays } } }
                """;
        graphQl.document(impact).variable("by", 0).execute().path("action.impactIfDelayed").entityList(Object.class).hasSize(0);
        graphQl.document(impact).variable("by", 10).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class).containsExactly("action-chain-2", "action-chain-1")
                .path("action.impactIfDelayed[*].slackDays").entityList(Integer.class).containsExactly(-10, -6)
                .path("action.impactIfDelayed[*].distance").entityList(Integer.class).containsExactly(1, 2)
                .path("action.impactIfDelayed[1].latestStart").entity(String.class).isEqualTo("2030-03-05");
        graphQl.document(impact).variable("by", 30).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class)
                .containsExactly("action-chain-2", "action-chain-1", "action-chain-0")
                .path("action.impactIfDelayed[*].slackDays").entityList(Integer.class).containsExactly(-30, -26, -9);

        write("MATCH (b:Action {id: 'action-chain-2'}) SET b.status = 'COMPLETE'", Map.of(), false);
        graphQl.document(impact).variable("by", 30).execute().path("action.impactIfDelayed").entityList(Object.class).hasSize(0);
        write("""
                MATCH (b:Action {id: 'action-chain-2'}) SET b.status = 'IN_PROGRESS'
                WITH b MATCH (a:Action {id: 'action-chain-3'}) SET a.status = 'COMPLETE'
                """, Map.of(), false);
        graphQl.document(impact).variable("by", 30).execute().path("action.impactIfDelayed").entityList(Object.class).hasSize(0);
    }

    @Test
    void impactIfDelayedListsWhatIsDueBeforeTheDelayedActionEvenThroughAnActionThatDoesNotSlip() {
        write("""
                MATCH (a:Action {id: 'action-chain-22'}) SET a.dueDate = date('2030-06-01')
                WITH a MATCH (b:Action {id: 'action-chain-21'}) SET b.dueDate = date('2030-12-01')
                WITH a MATCH (c:Action {id: 'action-chain-20'}) SET c.dueDate = date('2030-03-01')
                WITH a MATCH (d:Action {id: 'action-chain-19'}) SET d.status = 'COMPLETE'
                """, Map.of(), false);
        graphQl.document("""
                { action(id: "action-chain-22") { impactIfDelayed { action { id } distance latestStart slackDays } } }
                """)
                .execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class).containsExactly("action-chain-20")
                .path("action.impactIfDelayed[0].distance").entity(Integer.class).isEqualTo(2)
                .path("action.impactIfDelayed[0].slackDays").entity(Integer.class).isEqualTo(-92);
    }

    @Test
    void impactIfDelayedMovesOnlyTheDelayedActionsDate() {
        write("""
                MATCH (x:Action) WHERE x.id STARTS WITH 'action-chain-' SET x.dueDate = date('2035-01-01')
                WITH count(*) AS n MATCH (a:Action {id: 'action-chain-12'}) SET a.dueDate = date('2030-01-01')
                WITH a MATCH (b:Action {id: 'action-chain-11'}) SET b.dueDate = date('2030-03-01')
                WITH a MATCH (c:Action {id: 'action-chain-10'}) SET c.dueDate = date('2030-02-01')
                WITH a MATCH (n:Action {id: 'action-chain-9'}) REMOVE n.dueDate
                WITH a MATCH (d:Action {id: 'action-chain-8'}) SET d.dueDate = date('2030-06-01'), d.leadTimeDays = 30
                WITH a MATCH (e:Action {id: 'action-chain-7'}) SET e.dueDate = date('2031-01-01')
                """, Map.of(), false);
        String impact = """
                query($by: Int) { action(id: "action-chain-12") { impactIfDelayed(byDays: $by) {
                    action { id } distance slackDays } } }
                """;
        for (int by : new int[] {0, 30}) {
            graphQl.document(impact).variable("by", by).execute().path("action.impactIfDelayed").entityList(Object.class).hasSize(0);
        }
        graphQl.document(impact).variable("by", 150).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class)
                .containsExactly("action-chain-10", "action-chain-11", "action-chain-8")
                .path("action.impactIfDelayed[*].slackDays").entityList(Integer.class).containsExactly(-119, -91, -29)
                .path("action.impactIfDelayed[*].distance").entityList(Integer.class).containsExactly(2, 1, 4);

        as("admin").document("""
                mutation { updateAction(input: {id: "action-chain-8", expectedVersion: 0, leadTimeDays: 0}) { action { leadTimeDays } } }
                """).execute().path("updateAction.action.leadTimeDays").entity(Integer.class).isEqualTo(0);
        graphQl.document(impact).variable("by", 150).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class)
                .containsExactly("action-chain-10", "action-chain-11");

        write("MATCH (b:Action {id: 'action-chain-11'}) SET b.status = 'CANCELLED'", Map.of(), false);
        graphQl.document(impact).variable("by", 150).execute().path("action.impactIfDelayed").entityList(Object.class).hasSize(0);
        write("""
                MATCH (n:Action {id: 'action-chain-9'}), (a:Action {id: 'action-chain-12'}) CREATE (n)-[:DEPENDS_ON]->(a)
                WITH n MATCH (d:Action {id: 'action-chain-8'}) SET d.leadTimeDays = 30
                """, Map.of(), false);
        graphQl.document(impact).variable("by", 150).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class).containsExactly("action-chain-8")
                .path("action.impactIfDelayed[*].distance").entityList(Integer.class).containsExactly(2);
    }

    @Test
    void anActionWaitingOnTwoStartsWhenTheLaterIsDelivered() {
        write("""
                MATCH (j:Action {id: 'action-diamond-1-j'}) SET j.dueDate = date('2030-01-01')
                WITH j MATCH (l:Action {id: 'action-diamond-1-l'}) SET l.startDate = date('2030-01-01'), l.dueDate = date('2030-01-11')
                WITH j MATCH (r:Action {id: 'action-diamond-1-r'}) SET r.startDate = date('2030-01-01'), r.dueDate = date('2030-02-01')
                WITH j MATCH (t:Action {id: 'action-diamond-top'}) SET t.dueDate = date('2030-03-01'), t.leadTimeDays = 20
                """, Map.of(), false);
        String impact = """
                query($by: Int) { action(id: "action-diamond-1-j") { impactIfDelayed(byDays: $by) { action { id } slackDays } } }
                """;
        graphQl.document(impact).variable("by", 5).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class)
                .containsExactly("action-diamond-1-l", "action-diamond-1-r");
        graphQl.document(impact).variable("by", 10).execute()
                .path("action.impactIfDelayed[*].action.id").entityList(String.class)
                .containsExactly("action-diamond-1-l", "action-diamond-1-r", "action-diamond-top")
                .path("action.impactIfDelayed[*].slackDays").entityList(Integer.class).containsExactly(-10, -10, -2);
    }

    @Test
    void aDependencyThatWouldCloseACycleIsRefusedAndNothingIsWritten() {
        long before = count("MATCH ()-[d:DEPENDS_ON]->() RETURN count(d)");
        assertThatThrownBy(() -> dependencies.addDependency("action-chain-5", "action-chain-0"))
                .isInstanceOf(DependencyCycleException.class)
                .satisfies(ex -> assertThat(((DependencyCycleException) ex).cycle()).containsExactly("action-chain-5",
                        "action-chain-0", "action-chain-1", "action-chain-2", "action-chain-3", "action-chain-4",
                        "action-chain-5"));
        assertThatThrownBy(() -> dependencies.addDependency("action-chain-5", "action-chain-5"))
                .isInstanceOf(DependencyCycleException.class);
        assertThat(count("MATCH ()-[d:DEPENDS_ON]->() RETURN count(d)")).isEqualTo(before);
        assertThat(dependencies.addDependency("action-chain-0", "action-chain-5")).isTrue();
        assertThat(dependencies.addDependency("action-chain-0", "action-chain-5")).isFalse();
        assertThat(dependencies.removeDependency("action-chain-0", "action-chain-5")).isTrue();
    }

    @Test
    void twoConcurrentEditsCannotTogetherCloseACycle() throws Exception {
        actions(List.of(action("action-race-a", "IN_PROGRESS", null), action("action-race-b", "IN_PROGRESS", null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> both = List.of(() -> add("action-race-a", "action-race-b"),
                    () -> add("action-race-b", "action-race-a"));
            List<Future<Boolean>> results = pool.invokeAll(both);
            int landed = 0;
            for (Future<Boolean> result : results) {
                landed += result.get() ? 1 : 0;
            }
            assertThat(landed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("MATCH (:Action {id: 'action-race-a'})-[d:DEPENDS_ON]-(:Action {id: 'action-race-b'}) RETURN count(d)"))
                .isEqualTo(1);
    }

    private boolean add(String from, String to) {
        try {
            return TransientRetry.run(() -> dependencies.addDependency(from, to));
        } catch (DependencyCycleException ex) {
            return false;
        }
    }

    private static Map<String, Object> action(String id, String status, LocalDate due) {
        return actionRow(id, status, due, AS_OF);
    }

    private static Map<String, Object> edge(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> distances(Map<String, Object> closure) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Map<String, Object> hit : (List<Map<String, Object>>) closure.get("actions")) {
            result.put((String) ((Map<String, Object>) hit.get("action")).get("id"), (Integer) hit.get("distance"));
        }
        return result;
    }

    private static Map<String, Integer> bfs(String start, int depth, Map<String, List<String>> edges) {
        Map<String, Integer> seen = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        seen.put(start, 0);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int d = seen.get(node);
            if (d == depth) {
                continue;
            }
            for (String next : edges.getOrDefault(node, List.of())) {
                if (!seen.containsKey(next)) {
                    seen.put(next, d + 1);
                    queue.add(next);
                }
            }
        }
        seen.remove(start);
        return seen;
    }
}
