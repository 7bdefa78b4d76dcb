package org.partnershipgraph.embedded;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: without {@code spring.neo4j.uri} (or {@code NEO4J_URI}), start Neo4j
 * in-process and point Boot's own driver at its Bolt port, so the code path is the same as
 * with an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedNeo4jProperties properties) {
        return EmbeddedNeo4jServer.start(properties);
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jServer server) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return server.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return server.authToken();
            }
        };
    }
}
