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
        return new EntityType("Strategy", Strategy::from);
    }

    @Bean
    EntityType domainType() {
        return new EntityType("Domain", Domain::from);
    }

    @Bean
    EntityType priorityType() {
        return new EntityType("Priority", Priority::from);
    }

    @Bean
    EntityType indicatorType() {
        return new EntityType("Indicator", Indicator::from);
    }

    @Bean
    SchemaStatements strategySchema() {
        return new SchemaStatements("strategy", StrategyCypher.SCHEMA);
    }
}
