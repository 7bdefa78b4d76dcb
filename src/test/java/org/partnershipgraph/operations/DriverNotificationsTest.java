package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.summary.ResultSummary;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service's driver asks the server for no notices about property keys, labels or relationship
 * types the database lacks (Spring Data Neo4j would log each as a warning with its statement, on
 * every request), while a driver without that setting, on the same server, gets them.
 */
class DriverNotificationsTest extends SyntheticGraphTestBase {

    private static final String UNKNOWN = "MATCH (b:Board) RETURN b.aPropertyNoNodeHas AS missing, "
            + "EXISTS { (b)-[:A_RELATIONSHIP_NO_NODE_HAS]->() } AS related";

    private final EmbeddedNeo4jServer server;

    DriverNotificationsTest(@Autowired EmbeddedNeo4jServer server) {
        this.server = server;
    }

    @Test
    void theServiceDriverGetsNoNoticeOfUnknownNames() {
        ResultSummary summary = driver.executableQuery(UNKNOWN).execute().summary();
        assertThat(summary.notifications()).isEmpty();
    }

    @Test
    void aDriverWithoutTheSettingGetsThem() {
        try (Driver plain = GraphDatabase.driver(server.boltUri(), server.authToken())) {
            ResultSummary summary = plain.executableQuery(UNKNOWN).execute().summary();
            assertThat(summary.notifications()).hasSize(2)
                    .allSatisfy(n -> assertThat(n.rawCategory()).contains(NotificationClassification.UNRECOGNIZED.toString()));
        }
    }
}
