package org.partnershipgraph.graphql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Checks that the Neo4j server is recent enough (5.26 or newer), then creates every feature's
 * constraints and indexes when the application starts, before any request or seed load, and
 * brings data written by older versions up to date; each statement is idempotent, so restarts
 * change nothing.
 */
@Component
public class SchemaInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);

    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,3})");

    private final GraphSessions sessions;
    private final List<SchemaStatements> schema;

    public SchemaInitializer(GraphSessions sessions, List<SchemaStatements> schema) {
        this.sessions = sessions;
        this.schema = schema;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int count = 0;
        try (Session session = sessions.open(AccessMode.WRITE)) {
            String version = session.run(GraphQlSchemaCypher.SERVER_VERSION).single().get("version").asString();
            if (!supported(version)) {
                throw new IllegalStateException("Neo4j " + version + " is too old for this service, which needs 5.26 or "
                        + "newer (its Cypher uses dynamic labels and CALL (x) { } subqueries): upgrade the server, or leave "
                        + "NEO4J_URI unset to run the embedded one.");
            }
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

    /**
     * Whether a Neo4j server of {@code version} runs the service's Cypher: 5.26 or newer (calendar
     * versions, 2025.01 on, are newer). A version it cannot read is let through.
     */
    static boolean supported(String version) {
        Matcher numbers = VERSION.matcher(version);
        if (!numbers.lookingAt()) {
            return true;
        }
        int major = Integer.parseInt(numbers.group(1));
        int minor = Integer.parseInt(numbers.group(2));
        return major > 5 || major == 5 && minor >= 26;
    }
}
