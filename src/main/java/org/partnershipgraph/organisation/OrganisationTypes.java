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
        return EntityType.of("Organisation", Organisation.class, Organisation::from);
    }

    @Bean
    EntityType personType() {
        return EntityType.of("Person", Person.class, Person::from);
    }

    @Bean
    EntityType postType() {
        return EntityType.of("Post", Post.class, Post::from);
    }

    @Bean
    SchemaStatements organisationSchema() {
        return new SchemaStatements("organisation", OrganisationCypher.SCHEMA);
    }
}
