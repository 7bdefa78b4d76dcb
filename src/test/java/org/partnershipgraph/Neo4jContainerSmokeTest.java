package org.partnershipgraph;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same smoke queries against the official Neo4j image instead of the embedded server.
 * Skipped, never faked, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerSmokeTest extends GraphQlTestBase {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("smoke-test-only");

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", NEO4J::getAdminPassword);
    }

    @Test
    void strategiesWithTheirDomainsComeFromTheExternalServer() {
        graphQl.document("{ strategy(id: \"strategy-hwbs-2022-2026\") { domains { title } } }")
                .execute()
                .path("strategy.domains[*].title").entityList(String.class).hasSize(6);
    }

    @Test
    void healthShowsTheExternalNeo4j() {
        http.get().uri("/actuator/health").headers(h -> h.setBasicAuth("admin", USERS.get("admin"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.neo4j.status").isEqualTo("UP");
    }
}
