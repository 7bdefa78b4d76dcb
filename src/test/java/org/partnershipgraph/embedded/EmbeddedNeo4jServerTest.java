package org.partnershipgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.unit.DataSize;

/** The embedded server on its own: loopback only, data kept across restarts, one instance per directory. */
class EmbeddedNeo4jServerTest {

    private static EmbeddedNeo4jProperties properties(Path dir) {
        return new EmbeddedNeo4jProperties(dir, 0, DataSize.ofMegabytes(16), DataSize.ofMegabytes(32),
                DataSize.ofMegabytes(64), Duration.ofSeconds(30));
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
    void networkReachingFeaturesAreOff(@TempDir Path dir) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(properties(dir))) {
            try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
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

    private static long run(EmbeddedNeo4jServer server, String cypher) {
        try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
                Session session = driver.session()) {
            var result = session.run(cypher);
            return result.hasNext() ? result.single().get(0).asLong() : 0;
        }
    }
}
