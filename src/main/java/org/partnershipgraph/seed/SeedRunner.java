package org.partnershipgraph.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Loads the seed graph at start-up according to {@link SeedProperties#mode()}. */
@Component
@EnableConfigurationProperties(SeedProperties.class)
class SeedRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

    private final SeedLoader loader;
    private final SeedProperties properties;

    SeedRunner(SeedLoader loader, SeedProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        switch (properties.mode()) {
            case NEVER -> log.info("Seed loading is off (partnership.seed.mode=NEVER)");
            case ALWAYS -> loader.load(properties.location());
            case IF_EMPTY -> {
                if (loader.isSeeded()) {
                    log.info("Database already holds data: seed not loaded (partnership.seed.mode=ALWAYS reloads it)");
                } else {
                    loader.load(properties.location());
                }
            }
        }
    }
}
