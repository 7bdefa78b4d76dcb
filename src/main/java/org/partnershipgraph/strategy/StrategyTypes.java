package org.partnershipgraph.strategy;

import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node types and graph schema of the strategy feature. */
@Configuration(proxyBeanMethods = false)
public class StrategyTypes {

    @Bean
    EntityType strategyType() {
        return EntityType.of("Strategy", Strategy.class, Strategy::from);
    }

    @Bean
    EntityType domainType() {
        return EntityType.of("Domain", Domain.class, Domain::from);
    }

    @Bean
    EntityType priorityType() {
        return EntityType.of("Priority", Priority.class, Priority::from);
    }

    @Bean
    EntityType indicatorType() {
        return EntityType.of("Indicator", Indicator.class, Indicator::from);
    }

    @Bean
    SchemaStatements strategySchema() {
        return new SchemaStatements("strategy", StrategyCypher.SCHEMA);
    }
}
