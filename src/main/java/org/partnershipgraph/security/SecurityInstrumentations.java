package org.partnershipgraph.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GraphQL instrumentations that enforce field access and query limits. */
@Configuration(proxyBeanMethods = false)
public class SecurityInstrumentations {

    @Bean
    FieldAccessPolicy fieldAccessPolicy() {
        return FieldAccessPolicy.load();
    }

    @Bean
    AccessInstrumentation accessInstrumentation(FieldAccessPolicy policy) {
        return new AccessInstrumentation(policy);
    }

    @Bean
    QueryLimitsInstrumentation queryLimitsInstrumentation(SecurityProperties properties) {
        return new QueryLimitsInstrumentation(properties.limits());
    }
}
