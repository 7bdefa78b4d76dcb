package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;

/**
 * The Neo4j driver's observations are off unless {@code partnership.metrics.neo4j-driver-observations}
 * asks for them, whatever Spring Boot's own customizer set before. (That the running service exports
 * no {@code neo4j_} meters by default is in {@link OperationsTest}.)
 */
class DriverObservationsTest {

    private final OperationsConfig config = new OperationsConfig();
    private final ObservationRegistry registry = ObservationRegistry.create();

    @Test
    void offUnlessAskedForEvenAfterAnotherProviderWasSet() {
        Config.ConfigBuilder builder = Config.builder();
        config.neo4jDriverObservations(registry, true).customize(builder);
        config.neo4jDriverObservations(registry, false).customize(builder);
        assertThat(builder.build().observationProvider()).isEmpty();
    }

    @Test
    void onWhenAskedFor() {
        Config.ConfigBuilder builder = Config.builder();
        config.neo4jDriverObservations(registry, true).customize(builder);
        assertThat(builder.build().observationProvider()).isPresent();
    }
}
