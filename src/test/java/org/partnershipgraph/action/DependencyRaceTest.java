package org.partnershipgraph.action;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two dependency additions at the same moment, on four different actions, that would together
 * close a cycle: the second waits for the first to commit and is refused. Once in the service,
 * with the order forced, and eight times over GraphQL, as two clients would send them.
 */
class DependencyRaceTest extends SyntheticGraphTestBase {

    @Autowired
    private Dependencies dependencies;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void twoAdditionsAtOnceCannotTogetherCloseACycle() throws Exception {
        clear();
        actions(List.of("race-x", "race-y", "race-u", "race-v"), "IN_PROGRESS", LocalDate.of(2026, 3, 31),
                LocalDate.of(2025, 1, 31));
        relate("DEPENDS_ON", List.of(Map.of("from", "race-y", "to", "race-u"), Map.of("from", "race-v", "to", "race-x")));
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                boolean added = dependencies.addDependency("race-x", "race-y");
                checked.countDown();
                awaitQuietly(commit);
                return added;
            }));
            assertThat(checked.await(TIMEOUT.toSeconds(), SECONDS)).as("the first addition has checked").isTrue();
            Future<Boolean> second = threads.submit(() -> dependencies.addDependency("race-u", "race-v"));
            await("the second addition is done or waits for a lock", () -> second.isDone() || blockedTransactions() > 0);
            assertThat(second.isDone()).as("the second addition waits while the first is open").isFalse();
            commit.countDown();
            assertThat(first.get(TIMEOUT.toSeconds(), SECONDS)).isTrue();
            assertThatThrownBy(() -> second.get(TIMEOUT.toSeconds(), SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DependencyCycleException.class);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(count("MATCH p = (a:Action)-[:DEPENDS_ON]->+(a) RETURN count(p)")).isZero();
        assertThat(count("MATCH ()-[d:DEPENDS_ON]->() RETURN count(d)")).isEqualTo(3);
    }

    @Test
    void twoAdditionsSentOverGraphQlAtOnceNeverTogetherCloseACycle() throws Exception {
        clear();
        write("CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})", Map.of(), false);
        HttpGraphQlTester hwbb = as("hwbb-secretariat");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String p = "race-" + round + "-";
                List<String> ids = List.of(p + "x", p + "y", p + "u", p + "v");
                actions(ids, "IN_PROGRESS", LocalDate.of(2026, 3, 31), LocalDate.of(2025, 1, 31));
                relate("ACCOUNTABLE_TO", ids.stream().map(id -> Map.<String, Object>of("from", id, "to", "board-hwbb")).toList());
                relate("DEPENDS_ON", List.of(Map.of("from", p + "y", "to", p + "u"), Map.of("from", p + "v", "to", p + "x")));
                CountDownLatch start = new CountDownLatch(1);
                Future<String> first = threads.submit(() -> add(hwbb, start, p + "x", p + "y"));
                Future<String> second = threads.submit(() -> add(hwbb, start, p + "u", p + "v"));
                start.countDown();
                assertThat(List.of(first.get(TIMEOUT.toSeconds(), SECONDS), second.get(TIMEOUT.toSeconds(), SECONDS)))
                        .as("round %d", round).containsExactlyInAnyOrder("added", "DEPENDENCY_CYCLE");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("MATCH p = (a:Action)-[:DEPENDS_ON]->+(a) RETURN count(p)")).isZero();
        assertThat(count("MATCH ()-[d:DEPENDS_ON]->() RETURN count(d)")).isEqualTo(8 * 3);
    }

    /** {@code addDependency(from, to)} over HTTP once {@code start} opens: "added", or the error's code. */
    private static String add(HttpGraphQlTester tester, CountDownLatch start, String from, String to) throws InterruptedException {
        start.await(TIMEOUT.toSeconds(), SECONDS);
        AtomicReference<String> outcome = new AtomicReference<>("added");
        tester.document("mutation($a: ID!, $d: ID!) { addDependency(input: {actionId: $a, expectedVersion: 0, dependsOnId: $d}) { action { id } } }")
                .variable("a", from).variable("d", to).execute()
                .errors().satisfy(errors -> errors.forEach(e -> outcome.set(String.valueOf(e.getExtensions().get("code")))));
        return outcome.get();
    }

    private long blockedTransactions() {
        return count("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*)");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toSeconds(), SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
