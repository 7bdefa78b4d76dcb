package org.partnershipgraph.operations;

import java.util.Set;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.ObservationRegistry;
import org.neo4j.driver.Logging;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.observation.micrometer.MicrometerObservationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Operations wiring: the request id in the logging MDC is carried to the threads GraphQL fetches
 * data on; the Neo4j driver logs through SLF4J, the server sends it no notices about property keys,
 * labels or relationship types the database lacks, and, when
 * {@code partnership.metrics.neo4j-driver-observations} is on, reports its sessions, transactions and
 * Bolt exchanges to Micrometer (without queries or parameters, which may hold personal data).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfig {

    /**
     * Driver logging through SLF4J, like the rest of the service. The driver's default
     * ({@code System.Logger}) formats every debug message, logged or not, on the thread that
     * decodes Bolt responses.
     */
    @Bean
    ConfigBuilderCustomizer neo4jDriverLogging() {
        return builder -> builder.withLogging(Logging.slf4j());
    }

    /**
     * No {@code UNRECOGNIZED} notifications from the server ("property key does not exist", "unknown
     * relationship type"): the service's Cypher reads optional properties and relationships a
     * database may not hold yet (no action of the seed has a {@code percentComplete} until progress is
     * recorded), and Spring Data Neo4j would log each such notice as a warning, with the whole
     * statement, on every request that runs it. The other classifications (deprecations, performance
     * hints) stay on.
     */
    @Bean
    ConfigBuilderCustomizer neo4jDriverNotifications() {
        return builder -> builder.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }

    /**
     * The driver's observations, which Spring Boot turns on, only when asked for: they time every
     * session, transaction and Bolt exchange, on the request's thread and on the driver's I/O
     * thread, about 0.2 ms of a 2 ms request (bench/README.md). Runs after Spring Boot's own
     * customizer (order 0), so it decides.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ConfigBuilderCustomizer neo4jDriverObservations(ObservationRegistry registry,
            @Value("${partnership.metrics.neo4j-driver-observations}") boolean observe) {
        return builder -> builder.withObservationProvider(observe
                ? MicrometerObservationProvider.builder(registry).alwaysIncludeQuery(false).includeQueryParameters(false).build()
                : null);
    }

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIdFilter.MDC_KEY));
    }
}
