package org.partnershipgraph.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process Neo4j server started when no {@code spring.neo4j.uri} is set.
 * Memory defaults are sized for the partnership graph (a few thousand nodes), not for the
 * machine: the embedded store shares the service's JVM heap and adds its page cache off-heap.
 *
 * @param dataDirectory         where the database files live; a restart keeps what was written
 * @param boltPort              Bolt port on 127.0.0.1; 0 picks a free port
 * @param pageCache             off-heap page cache for the store files
 * @param transactionMaxSize    heap one transaction may use before it is refused
 * @param transactionTotalMax   heap all transactions together may use
 * @param transactionTimeout    longest a transaction may run before Neo4j stops it
 * @param password              the password Bolt clients sign in with as {@code neo4j}; empty (the
 *                              default) makes a new random one at every start, which only this
 *                              process knows
 */
@ConfigurationProperties("partnership.neo4j.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") Path dataDirectory,
        @DefaultValue("0") int boltPort,
        @DefaultValue("64MB") DataSize pageCache,
        @DefaultValue("64MB") DataSize transactionMaxSize,
        @DefaultValue("192MB") DataSize transactionTotalMax,
        @DefaultValue("30s") Duration transactionTimeout,
        @DefaultValue("") String password) {

    /** Neo4j's default {@code dbms.security.auth_minimum_password_length}. */
    static final int MIN_PASSWORD_LENGTH = 8;

    /** Refuses a configured password Neo4j would refuse, before anything starts. */
    public EmbeddedNeo4jProperties {
        if (password == null) {
            password = "";
        }
        if (!password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("partnership.neo4j.embedded.password must have at least "
                    + MIN_PASSWORD_LENGTH + " characters, or be empty for a new random one at every start");
        }
    }

    /** Does not show the password. */
    @Override
    public String toString() {
        return "EmbeddedNeo4jProperties[dataDirectory=" + dataDirectory + ", boltPort=" + boltPort + ", pageCache="
                + pageCache + ", transactionMaxSize=" + transactionMaxSize + ", transactionTotalMax="
                + transactionTotalMax + ", transactionTimeout=" + transactionTimeout + ", password="
                + (password.isEmpty() ? "random" : "[configured]") + "]";
    }
}
