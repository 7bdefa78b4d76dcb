package org.partnershipgraph.graphql;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * Sessions of the Neo4j driver on the database every query and mutation uses through Spring Data
 * Neo4j ({@code spring.data.neo4j.database}, the server's default when unset), for the work done
 * beside it: the schema at start-up, the seed load and the register export. A bare
 * {@code driver.session()} would go to the server's default database whatever that property says.
 */
@Component
public class GraphSessions {

    private final Driver driver;
    private final DatabaseSelectionProvider databases;

    public GraphSessions(Driver driver, DatabaseSelectionProvider databases) {
        this.driver = driver;
        this.databases = databases;
    }

    /** A new session on the service's database, whose transactions default to {@code mode}. */
    public Session open(AccessMode mode) {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(mode);
        String database = databases.getDatabaseSelection().getValue();
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
