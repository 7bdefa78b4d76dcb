package org.partnershipgraph.search;

import org.partnershipgraph.graphql.SchemaStatements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Graph schema of full-text search. */
@Configuration(proxyBeanMethods = false)
public class SearchTypes {

    @Bean
    SchemaStatements searchSchema() {
        return new SchemaStatements("search", SearchCypher.SCHEMA);
    }
}
