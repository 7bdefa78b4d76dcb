package org.partnershipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.neo4j.driver.Driver;

/**
 * Base of the GraphQL-level tests: the whole service on a random port, over the embedded
 * Neo4j in a fresh temporary directory, loaded with the real seed data at start-up. Every
 * subclass shares one application context (and so one database), and the tests only read,
 * so each starts from the seeded state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GraphQlTestBase {

    /** Generous: a cold start on two cores is slow. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Path DATA = tempDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected Driver driver;

    protected HttpGraphQlTester graphQl;
    protected WebTestClient http;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("partnership.neo4j.embedded.data-directory", DATA::toString);
    }

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

    /** A single number from a Cypher statement run directly on the database. */
    protected long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    private static Path tempDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-neo4j"));
            return Files.createTempDirectory(target, "data-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
