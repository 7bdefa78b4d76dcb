package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * A subscriber who arrives while Neo4j is away still receives the changes made once it is back,
 * including those made before the feed's first successful read: one by another instance (written
 * here around the service, so nothing wakes the feed) longer than the overlap before that read,
 * which the overlap alone would not reach back to. The feed here reads only when it starts and
 * after each commit (an hour between timed reads), so that first successful read is the one the
 * next change's own commit triggers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscribedDuringOutageTest extends ExternalNeo4jTestBase {

    private static final Path DATA = dataDirectory();
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int PORT = freePort();
    private static EmbeddedNeo4jServer server = startServer(DATA, PORT);

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        external(registry, PORT);
        registry.add("partnership.events.poll-interval", () -> "1h");
        registry.add("partnership.events.overlap", () -> OVERLAP.toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theChangesMadeBeforeTheFeedsFirstSuccessfulReadArrive(CapturedOutput output) throws Exception {
        readiness("UP");
        outageAction();
        server.close();
        server = null;
        readiness("DOWN");
        int before = output.getOut().length();
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            CompletableFuture<List<String>> firstTwo = socket.document("subscription { actionChanged { operation action { id version } } }")
                    .executeSubscription().toFlux("actionChanged.operation", String.class).take(2).collectList().toFuture();
            await("the feed's first read fails", () -> output.getOut().indexOf(READ_FAILED, before) >= 0);
            server = startServer(DATA, PORT);
            readiness("UP");
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                        MATCH (a:Action {id: 'action-outage'})
                        CREATE (h:HistoryEntry {id: 'history-outage-elsewhere', at: datetime(), user: 'admin', role: 'ADMIN',
                                                entityId: a.id, operation: 'changedElsewhere', changes: '[]'})-[:ABOUT]->(a)
                        """).consume());
            }
            Thread.sleep(OVERLAP.plusSeconds(1).toMillis());
            as("admin").document("""
                    mutation { recordProgress(input: {actionId: "action-outage", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 10}) { action { version } } }
                    """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(firstTwo.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("a change made elsewhere longer than the overlap before the first successful read, then the one that woke it")
                    .containsExactly("changedElsewhere", "recordProgress");
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }
}
