package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;

/**
 * The service starts only on a Neo4j server that runs its Cypher (5.26 or newer): the server it
 * runs on here passes, and older versions are refused at start-up with a message saying so.
 */
class SchemaInitializerTest extends SyntheticGraphTestBase {

    @Test
    void theServerItRunsOnIsRecentEnough() {
        String version = driver.executableQuery(GraphQlSchemaCypher.SERVER_VERSION).execute().records().getFirst()
                .get("version").asString();
        assertThat(SchemaInitializer.supported(version)).as(version).isTrue();
    }

    @Test
    void versionsBefore5Point26AreRefused() {
        assertThat(SchemaInitializer.supported("5.26.0")).isTrue();
        assertThat(SchemaInitializer.supported("5.27.3")).isTrue();
        assertThat(SchemaInitializer.supported("2025.01.0")).isTrue();
        assertThat(SchemaInitializer.supported("2026.08.1")).isTrue();
        assertThat(SchemaInitializer.supported("5.25.1")).isFalse();
        assertThat(SchemaInitializer.supported("5.9.0")).isFalse();
        assertThat(SchemaInitializer.supported("4.4.30")).isFalse();
        assertThat(SchemaInitializer.supported("dev")).isTrue();
    }
}
