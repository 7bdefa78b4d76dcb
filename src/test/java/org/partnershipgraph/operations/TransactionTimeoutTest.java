package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partnershipgraph.SyntheticGraphTestSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A request whose transaction Neo4j stops at the service's time limit (here 2 s): a secretariat's
 * change waits on an action that another writer holds past the limit. The caller gets
 * {@code UNAVAILABLE} saying the request was stopped and nothing was changed, not an internal
 * error, and the same change lands once the other writer is gone.
 */
@TestPropertySource(properties = "partnership.neo4j.transaction-timeout=2s")
class TransactionTimeoutTest extends SyntheticGraphTestSupport {

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        emptyDatabase(registry, DATA);
    }


    private static final String PROGRESS = """
            mutation { recordProgress(input: {actionId: "action-t-1", expectedVersion: 0, status: AT_RISK, commentary: "Slipping"}) {
                action { version status } } }
            """;

    @Test
    void aChangeStoppedAtTheTimeLimitSaysSoAndChangesNothing() {
        clear();
        write("CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})", Map.of(), false);
        actions(List.of("action-t-1"), "IN_PROGRESS", LocalDate.of(2026, 3, 31), LocalDate.of(2025, 1, 31));
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-t-1", "to", "board-hwbb")));
        long updates = count("MATCH (:Action {id: 'action-t-1'})-[:HAS_UPDATE]->(u) RETURN count(u)");

        try (Session session = driver.session(); Transaction other = session.beginTransaction()) {
            other.run("MATCH (a:Action {id: 'action-t-1'}) SET a.writes = coalesce(a.writes, 0) + 1").consume();
            as("hwbb-secretariat").document(PROGRESS).execute().errors()
                    .expect(e -> "UNAVAILABLE".equals(e.getExtensions().get("code"))
                            && e.getMessage().contains("stopped this request before it finished, so nothing was changed")
                            && !e.getMessage().contains("Neo."))
                    .verify();
            other.rollback();
        }
        assertThat(count("MATCH (a:Action {id: 'action-t-1'}) RETURN coalesce(a.version, 0)")).isZero();
        assertThat(count("MATCH (:Action {id: 'action-t-1'})-[:HAS_UPDATE]->(u) RETURN count(u)")).isEqualTo(updates);
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();

        as("hwbb-secretariat").document(PROGRESS).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1)
                .path("recordProgress.action.status").entity(String.class).isEqualTo("AT_RISK");
    }
}
