package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershipgraph.accountability.RegisterExportController;
import org.partnershipgraph.action.ActionEvents;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * The service over a Neo4j server it does not own, which goes away and comes back: readiness
 * turns DOWN and queries fail fast with UNAVAILABLE, then both recover without a restart; a
 * subscriber connected throughout receives the changes made after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class Neo4jOutageTest extends ExternalNeo4jTestBase {

    private static final String READ_AGAIN = "Reading action changes for subscribers again";

    private static final Path DATA = dataDirectory();
    private static final int PORT = freePort();
    private static EmbeddedNeo4jServer server = startServer(DATA, PORT);

    @Autowired
    private ActionEvents events;

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        external(registry, PORT);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readinessFollowsNeo4jAndQueriesFailFastWhileItIsAway() {
        readiness("UP");
        server.close();
        server = null;
        readiness("DOWN");
        long started = System.nanoTime();
        graphQl.document("{ actions { totalCount } }").execute().errors()
                .expect(e -> "UNAVAILABLE".equals(e.getExtensions().get("code"))).verify();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast").isLessThan(Duration.ofSeconds(20));
        as("admin").document("""
                mutation { recordProgress(input: {actionId: "action-outage", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 10}) { action { version } } }
                """).execute().errors()
                .expect(e -> "UNAVAILABLE".equals(e.getExtensions().get("code")) && e.getMessage().contains("nothing was changed"))
                .verify();
        http.get().uri(RegisterExportController.PATH).headers(h -> h.setBasicAuth("partner", USERS.get("partner"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAVAILABLE");
        server = startServer(DATA, PORT);
        readiness("UP");
        graphQl.document("{ actions { totalCount } }").execute().path("actions.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aSubscriberKeepsItsSubscriptionThroughAnOutageAndReceivesTheChangesAfterIt(CapturedOutput output) throws Exception {
        readiness("UP");
        outageAction();
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            CompletableFuture<String> first = socket.document("subscription { actionChanged { operation action { id } } }")
                    .executeSubscription().toFlux("actionChanged.action.id", String.class).next().toFuture();
            await("the service follows the changes for its subscriber", events::following);
            int before = output.getOut().length();
            server.close();
            server = null;
            await("a read of the changes fails", () -> output.getOut().indexOf(READ_FAILED, before) >= 0);
            server = startServer(DATA, PORT);
            readiness("UP");
            as("admin").document("""
                    mutation { recordProgress(input: {actionId: "action-outage", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 10}) { action { version } } }
                    """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("action-outage");
            String since = output.getOut().substring(before);
            int warned = since.indexOf(READ_FAILED);
            int recovered = since.indexOf(READ_AGAIN, warned);
            assertThat(recovered).as("the recovery is logged after the warning").isGreaterThan(warned);
            assertThat(since.substring(warned + READ_FAILED.length(), recovered)).as("one warning for the outage").doesNotContain(READ_FAILED);
            assertThat(since).as("no stack trace for a failed read").doesNotContain("at org.partnershipgraph.action.ActionEvents");
        } finally {
            socket.stop().block(TIMEOUT);
        }
        await("the service stops following the changes once its subscriber has gone", () -> !events.following());
    }
}
