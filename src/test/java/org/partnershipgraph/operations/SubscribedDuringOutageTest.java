package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershipgraph.ServiceTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jProperties;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * A subscriber who arrives while Neo4j is away still receives the changes made once it is back,
 * including one made before the feed's first successful read. The feed here reads only when it
 * starts and after each commit (an hour between timed reads), so that first successful read is
 * the one the change's own commit triggers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscribedDuringOutageTest extends ServiceTestBase {

    private static final String READ_FAILED = "Cannot read action changes for subscribers";

    private static final Path DATA = dataDirectory();
    private static final int PORT = freePort();
    private static EmbeddedNeo4jServer server = start();

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + PORT);
        registry.add("partnership.seed.mode", () -> "NEVER");
        registry.add("partnership.events.poll-interval", () -> "1h");
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
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (b:Board:Node {id: 'board-outage'}) SET b.name = 'Outage Board', b.kind = 'BOARD'
                    MERGE (a:Action:Node {id: 'action-outage'})
                    SET a.title = 'Survive an outage', a.kind = 'COMMITMENT', a.status = 'NOT_STARTED', a.version = 0
                    MERGE (a)-[:ACCOUNTABLE_TO]->(b)
                    """).consume());
        }
        server.close();
        server = null;
        readiness("DOWN");
        int before = output.getOut().length();
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            CompletableFuture<String> first = socket.document("subscription { actionChanged { operation action { id version } } }")
                    .executeSubscription().toFlux("actionChanged.action.version", String.class).next().toFuture();
            await("the feed's first read fails", () -> output.getOut().indexOf(READ_FAILED, before) >= 0);
            server = start();
            readiness("UP");
            as("admin").document("""
                    mutation { recordProgress(input: {actionId: "action-outage", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 10}) { action { version } } }
                    """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("1");
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }

    private void readiness(String expected) {
        await("readiness " + expected, () -> {
            String status = http.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                    .getResponseBody().blockFirst(Duration.ofSeconds(30));
            return status != null && status.contains("\"status\":\"" + expected + "\"");
        });
    }

    private static EmbeddedNeo4jServer start() {
        return EmbeddedNeo4jServer.start(new EmbeddedNeo4jProperties(DATA, PORT, DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(64), DataSize.ofMegabytes(128), Duration.ofSeconds(30)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
