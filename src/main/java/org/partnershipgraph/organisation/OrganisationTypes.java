package org.partnershipgraph.organisation;

import org.partnershipgraph.graphql.EntityType;
import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Node types and graph schema of the organisation feature. */
@Configuration(proxyBeanMethods = false)
public class OrganisationTypes {

    @Bean
    EntityType organisationType() {
        return new EntityType("Organisation", Organisation::from);
    }

    @Bean
    EntityType personType() {
        return new EntityType("Person", Person::from);
    }

    @Bean
    EntityType postType() {
        return new EntityType("Post", Post::from);
    }

    @Bean
    SchemaStatements organisationSchema() {
        return new SchemaStatements("organisation", OrganisationCypher.SCHEMA);
    }
}
