package org.partnershipgraph;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the GraphQL-level tests on the real seed data, loaded at start-up into a fresh
 * embedded database. Every subclass shares one application context (and so one database), and
 * the tests only read, so each starts from the seeded state.
 */
public abstract class GraphQlTestBase extends ServiceTestBase {

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("partnership.neo4j.embedded.data-directory", DATA::toString);
    }
}
