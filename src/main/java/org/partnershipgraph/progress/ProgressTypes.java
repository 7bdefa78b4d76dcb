package org.partnershipgraph.progress;

import java.time.Clock;
import java.time.ZoneId;

import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The system clock in {@code partnership.time-zone} (Europe/London unless set): every "today"
     * and every end of a day the service computes is the partnership's, whatever the server's zone.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${partnership.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }
}
