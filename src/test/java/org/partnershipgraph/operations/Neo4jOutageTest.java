package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.ServiceTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jProperties;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The service over a Neo4j server it does not own, which goes away and comes back: readiness
 * turns DOWN and queries fail fast with UNAVAILABLE, then both recover without a restart.
 */
class Neo4jOutageTest extends ServiceTestBase {

    private static final Path DATA = dataDirectory();
    private static final int PORT = freePort();
    private static EmbeddedNeo4jServer server = start();

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + PORT);
        registry.add("partnership.seed.mode", () -> "NEVER");
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
        server = start();
        readiness("UP");
        graphQl.document("{ actions { totalCount } }").execute().path("actions.totalCount").entity(Integer.class).isEqualTo(0);
    }

    private void readiness(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            status = http.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                    .getResponseBody().blockFirst(Duration.ofSeconds(30));
            if (status != null && status.contains("\"status\":\"" + expected + "\"")) {
                return;
            }
            sleep();
        }
        assertThat(status).as("readiness").contains("\"status\":\"" + expected + "\"");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
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
