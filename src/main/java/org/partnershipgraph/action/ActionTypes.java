package org.partnershipgraph.action;

import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node type, graph schema and change-feed settings of the action feature. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActionEventsProperties.class)
public class ActionTypes {

    @Bean
    EntityType actionType() {
        return EntityType.of("Action", Action.class, Action::from);
    }

    @Bean
    EntityType milestoneType() {
        return EntityType.of("Milestone", Milestone.class, Milestone::from);
    }

    @Bean
    SchemaStatements actionSchema() {
        return new SchemaStatements("action", ActionCypher.SCHEMA);
    }
}
