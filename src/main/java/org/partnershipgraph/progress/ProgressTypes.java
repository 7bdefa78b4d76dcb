package org.partnershipgraph.progress;

import java.time.Clock;

import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Graph schema of the progress feature, and the clock that says what "today" is. */
@Configuration(proxyBeanMethods = false)
public class ProgressTypes {

    @Bean
    SchemaStatements progressSchema() {
        return new SchemaStatements("progress", ProgressCypher.SCHEMA);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
