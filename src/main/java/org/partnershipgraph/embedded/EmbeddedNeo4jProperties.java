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
 */
@ConfigurationProperties("partnership.neo4j.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") Path dataDirectory,
        @DefaultValue("0") int boltPort,
        @DefaultValue("64MB") DataSize pageCache,
        @DefaultValue("64MB") DataSize transactionMaxSize,
        @DefaultValue("192MB") DataSize transactionTotalMax,
        @DefaultValue("30s") Duration transactionTimeout) {
}
