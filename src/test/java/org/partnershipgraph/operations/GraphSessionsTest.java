package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.partnershipgraph.graphql.GraphSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.DatabaseSelection;

/**
 * The schema, the seed load and the register export open their sessions on the database Spring
 * Data Neo4j uses ({@code spring.data.neo4j.database}), not on the server's default: here a
 * selection of the system database (the only other one a Community server has) is followed.
 */
class GraphSessionsTest extends SyntheticGraphTestBase {

    private static final String DATABASE = "CALL db.info() YIELD name RETURN name";

    @Test
    void sessionsGoToTheDatabaseSpringDataNeo4jUses(@Autowired GraphSessions sessions) {
        try (Session session = sessions.open(AccessMode.READ)) {
            assertThat(session.run(DATABASE).single().get("name").asString()).isEqualTo("neo4j");
        }
        GraphSessions onSystem = new GraphSessions(driver, () -> DatabaseSelection.byName("system"));
        try (Session session = onSystem.open(AccessMode.READ)) {
            assertThat(session.run(DATABASE).single().get("name").asString()).isEqualTo("system");
        }
    }
}
