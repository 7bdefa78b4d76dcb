package org.partnershipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a random port over an embedded Neo4j, with an HTTP client and a GraphQL
 * tester that allow for a slow cold start. Subclasses choose the data directory and the data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partnership.security.cors.allowed-origins=https://portal.example.org")
@ActiveProfiles("local")
public abstract class ServiceTestBase {

    /** The named users of the local profile, and their passwords. */
    protected static final Map<String, String> USERS = Map.of(
            "partner", "partner-local-only",
            "hwbb-secretariat", "hwbb-secretariat-local-only",
            "hosc-secretariat", "hosc-secretariat-local-only",
            "auditor", "auditor-local-only",
            "admin", "admin-local-only");

    /**
     * Nodes, relationships and the sum of every version (actions, meetings, decisions), as one
     * number: equal before and after means nothing was written.
     */
    protected static final String FINGERPRINT = """
            CALL () { MATCH (n) RETURN count(n) AS nodes }
            CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
            CALL () { MATCH (n) WHERE n.version IS NOT NULL RETURN sum(n.version) AS versions }
            RETURN nodes * 1000000000 + rels * 1000 + versions
            """;

    /** Generous: a cold start on two cores is slow. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    @Autowired
    protected Driver driver;

    protected HttpGraphQlTester graphQl;
    protected WebTestClient http;

    @BeforeEach
    void clients() {
        http = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port)
                .responseTimeout(TIMEOUT)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        graphQl = HttpGraphQlTester.builder(http.mutate().baseUrl("http://localhost:" + port + "/graphql"))
                .responseTimeout(TIMEOUT)
                .build();
    }

    /** A GraphQL tester signed in as one of the local {@link #USERS}. */
    protected HttpGraphQlTester as(String user) {
        return graphQl.mutate().headers(h -> h.setBasicAuth(user, USERS.get(user))).build();
    }

    /** A single number from a Cypher statement run directly on the database. */
    protected long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** Waits until {@code condition} holds, failing with {@code what} if it does not within {@link #TIMEOUT}. */
    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + TIMEOUT + " until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, ex);
            }
        }
    }

    /** Points the service at an embedded database in {@code data} that the seed never loads into. */
    protected static void emptyDatabase(DynamicPropertyRegistry registry, Path data) {
        registry.add("partnership.neo4j.embedded.data-directory", data::toString);
        registry.add("partnership.seed.mode", () -> "NEVER");
    }

    /** A fresh directory for an embedded database, under {@code target/test-neo4j}. */
    protected static Path dataDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-neo4j"));
            return Files.createTempDirectory(target, "data-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
