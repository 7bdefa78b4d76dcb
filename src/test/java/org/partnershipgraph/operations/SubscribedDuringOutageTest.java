package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * A subscriber who arrives while Neo4j is away still receives the changes made once it is back,
 * including one made before the feed's first successful read. The feed here reads only when it
 * starts and after each commit (an hour between timed reads), so that first successful read is
 * the one the change's own commit triggers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscribedDuringOutageTest extends ExternalNeo4jTestBase {

    private static final Path DATA = dataDirectory();
    private static final int PORT = freePort();
    private static EmbeddedNeo4jServer server = startServer(DATA, PORT);

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        external(registry, PORT);
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
        outageAction();
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
            server = startServer(DATA, PORT);
            readiness("UP");
            as("admin").document("""
                    mutation { recordProgress(input: {actionId: "action-outage", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 10}) { action { version } } }
                    """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("1");
        } finally {
            socket.stop().block(TIMEOUT);
        }
    }
}
