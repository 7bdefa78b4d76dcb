package org.partnershipgraph.operations;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.ObservationRegistry;
import org.neo4j.driver.observation.micrometer.MicrometerObservationProvider;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations wiring: the request id in the logging MDC is carried to the threads GraphQL fetches
 * data on, and the Neo4j driver reports its connection pool and Bolt exchanges to Micrometer
 * (without queries or parameters, which may hold personal data).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfig {

    @Bean
    ConfigBuilderCustomizer neo4jDriverObservations(ObservationRegistry registry) {
        return builder -> builder.withObservationProvider(MicrometerObservationProvider.builder(registry)
                .alwaysIncludeQuery(false).includeQueryParameters(false).build());
    }

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIdFilter.MDC_KEY));
    }
}
