package org.partnershipgraph.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.partnershipgraph.ServiceTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jProperties;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.unit.DataSize;

/**
 * Base of the tests whose service runs over a Neo4j server they stop and start themselves (an
 * embedded server of the test's own, which the service reaches as an external one over Bolt).
 */
abstract class ExternalNeo4jTestBase extends ServiceTestBase {

    /** What the service logs when a read of the changes for subscribers fails. */
    static final String READ_FAILED = "Cannot read action changes for subscribers";

    /** The password of the servers these tests start, the same at every start. */
    static final String PASSWORD = "outage-test-password";

    /** Starts a small Neo4j server on {@code data} with Bolt on 127.0.0.1:{@code port}. */
    static EmbeddedNeo4jServer startServer(Path data, int port) {
        return EmbeddedNeo4jServer.start(new EmbeddedNeo4jProperties(data, port, DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(64), DataSize.ofMegabytes(128), Duration.ofSeconds(30), PASSWORD));
    }

    /** Points the service at the server on {@code port}, signed in with {@link #PASSWORD}. */
    static void external(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + port);
        registry.add("spring.neo4j.authentication.username", () -> EmbeddedNeo4jServer.USER);
        registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
        registry.add("partnership.seed.mode", () -> "NEVER");
    }

    /** A port free on this machine now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Creates {@code action-outage}, at version 0, accountable to {@code board-outage}. */
    void outageAction() {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (b:Board:Node {id: 'board-outage'}) SET b.name = 'Outage Board', b.kind = 'BOARD'
                    MERGE (a:Action:Node {id: 'action-outage'})
                    SET a.title = 'Survive an outage', a.kind = 'COMMITMENT', a.status = 'NOT_STARTED', a.version = 0
                    MERGE (a)-[:ACCOUNTABLE_TO]->(b)
                    """).consume());
        }
    }

    /** Waits until the service's readiness reads {@code expected} ({@code UP} or {@code DOWN}). */
    void readiness(String expected) {
        await("readiness " + expected, () -> {
            String status = http.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                    .getResponseBody().blockFirst(Duration.ofSeconds(30));
            return status != null && status.contains("\"status\":\"" + expected + "\"");
        });
    }
}
