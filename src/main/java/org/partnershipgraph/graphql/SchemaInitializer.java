package org.partnershipgraph.graphql;

import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates every feature's constraints and indexes when the application starts, before any
 * request or seed load, and brings data written by older versions up to date; each statement is
 * idempotent, so restarts change nothing.
 */
@Component
public class SchemaInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Driver driver;
    private final List<SchemaStatements> schema;

    public SchemaInitializer(Driver driver, List<SchemaStatements> schema) {
        this.driver = driver;
        this.schema = schema;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int count = 0;
        try (Session session = driver.session()) {
            for (SchemaStatements feature : schema) {
                for (String statement : feature.statements()) {
                    session.run(statement).consume();
                    count++;
                }
            }
            session.run(GraphQlSchemaCypher.AWAIT_INDEXES).consume();
        }
        log.info("Graph schema ready: {} constraint and index statements applied", count);
    }
}
