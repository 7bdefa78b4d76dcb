package org.partnershipgraph.action;

import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node type and graph schema of the action feature. */
@Configuration(proxyBeanMethods = false)
public class ActionTypes {

    @Bean
    EntityType actionType() {
        return EntityType.of("Action", Action.class, Action::from);
    }

    @Bean
    SchemaStatements actionSchema() {
        return new SchemaStatements("action", ActionCypher.SCHEMA);
    }
}
