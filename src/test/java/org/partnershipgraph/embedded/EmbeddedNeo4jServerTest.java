package org.partnershipgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.unit.DataSize;

/**
 * The embedded server on its own: loopback only, signed in with a password, data kept across
 * restarts, one instance per directory.
 */
class EmbeddedNeo4jServerTest {

    private static EmbeddedNeo4jProperties properties(Path dir) {
        return new EmbeddedNeo4jProperties(dir, 0, DataSize.ofMegabytes(16), DataSize.ofMegabytes(32),
                DataSize.ofMegabytes(64), Duration.ofSeconds(30), "");
    }

    @Test
    void boltListensOnLoopbackOnlyAndDataSurvivesARestart(@TempDir Path dir) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            assertThat(server.boltUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.boltUri().getPort()).isPositive();
            run(server, "CREATE (:Probe {id: 'kept'})");
        }
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            assertThat(run(server, "MATCH (p:Probe {id: 'kept'}) RETURN count(p)")).isEqualTo(1);
        }
    }

    @Test
    void theDataDirectoryIsForItsOwnerAlone(@TempDir Path dir) throws IOException {
        Path existing = Files.createDirectory(dir.resolve("existing"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (Path home : List.of(dir.resolve("new/store"), existing)) {
            try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(home))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).as(home.toString())
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void networkReachingFeaturesAreOff(@TempDir Path dir) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            try (Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
                    Session session = driver.session()) {
                var settings = session.run("""
                        SHOW SETTINGS YIELD name, value
                        WHERE name IN ['dbms.usage_report.enabled', 'server.http.enabled', 'server.https.enabled',
                                       'server.bolt.listen_address', 'server.fleet_discovery.enabled']
                        RETURN name, value
                        """).list(r -> java.util.Map.entry(r.get("name").asString(), r.get("value").asString()));
                assertThat(settings).contains(
                        java.util.Map.entry("dbms.usage_report.enabled", "false"),
                        java.util.Map.entry("server.http.enabled", "false"),
                        java.util.Map.entry("server.https.enabled", "false"));
                assertThat(settings).anySatisfy(e -> {
                    assertThat(e.getKey()).isEqualTo("server.bolt.listen_address");
                    assertThat(e.getValue()).startsWith("127.0.0.1:");
                });
            }
        }
    }

    @Test
    void boltNeedsThePasswordOfThisStart(@TempDir Path dir) {
        String before;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            before = server.password();
            assertThat(before).hasSizeGreaterThanOrEqualTo(30);
            assertThat(run(server, "RETURN 1")).isEqualTo(1);
            assertRefused(server.boltUri(), AuthTokens.none());
            assertRefused(server.boltUri(), AuthTokens.basic(EmbeddedNeo4jServer.USER, "neo4j"));
            assertThat(dir.resolve(EmbeddedNeo4jServer.PASSWORD_SET)).as("the default password went before Bolt listened").exists();
        }
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            assertThat(server.password()).isNotEqualTo(before);
            assertRefused(server.boltUri(), AuthTokens.basic(EmbeddedNeo4jServer.USER, before));
            assertThat(run(server, "RETURN 1")).isEqualTo(1);
        }
    }

    @Test
    void aConfiguredPasswordIsKeptAcrossRestartsAndNeverShown(@TempDir Path dir) {
        EmbeddedNeo4jProperties props = new EmbeddedNeo4jProperties(dir, 0, DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), Duration.ofSeconds(30), "a-local-password");
        assertThat(props.toString()).doesNotContain("a-local-password").contains("password=[configured]");
        for (int start = 0; start < 2; start++) {
            try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(props)) {
                try (Driver driver = GraphDatabase.driver(server.boltUri(),
                        AuthTokens.basic(EmbeddedNeo4jServer.USER, "a-local-password"))) {
                    driver.verifyConnectivity();
                }
            }
        }
        assertThatThrownBy(() -> new EmbeddedNeo4jProperties(dir, 0, DataSize.ofMegabytes(16),
                DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), Duration.ofSeconds(30), "short"))
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void aSecondInstanceOnTheSameDirectoryFailsWithAClearMessage(@TempDir Path dir) {
        try (EmbeddedNeo4jServer first = EmbeddedNeo4jServer.start(properties(dir))) {
            assertThatThrownBy(() -> EmbeddedNeo4jServer.start(properties(dir)))
                    .isInstanceOf(EmbeddedNeo4jStartupException.class)
                    .satisfies(ex -> {
                        FailureAnalysis analysis = new EmbeddedNeo4jFailureAnalyzer().analyze(ex);
                        assertThat(analysis.getDescription()).contains("is locked").contains(dir.toString());
                        assertThat(analysis.getAction()).contains("data-directory").contains("NEO4J_URI");
                    });
        }
    }

    private static void assertRefused(URI bolt, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(bolt, token)) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    private static long run(EmbeddedNeo4jServer server, String cypher) {
        try (Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken());
                Session session = driver.session()) {
            var result = session.run(cypher);
            return result.hasNext() ? result.single().get(0).asLong() : 0;
        }
    }
}
