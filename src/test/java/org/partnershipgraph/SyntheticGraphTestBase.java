package org.partnershipgraph;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests on synthetic graphs: the service over its own embedded database with no
 * seed, which each test class fills with the graph it needs (and clears first). Every subclass
 * shares one application context, and so one database.
 */
public abstract class SyntheticGraphTestBase extends SyntheticGraphTestSupport {

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void syntheticDatabase(DynamicPropertyRegistry registry) {
        emptyDatabase(registry, DATA);
    }
}
