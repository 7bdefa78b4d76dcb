package org.partnershipgraph.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and from where the seed graph is loaded.
 *
 * @param mode     {@code IF_EMPTY} (default): load at start-up when the database holds no
 *                 entity; {@code ALWAYS}: merge the seed into the database at every start;
 *                 {@code NEVER}: do not load
 * @param location Spring resource location of the seed directory, ending in {@code /}
 */
@ConfigurationProperties("partnership.seed")
public record SeedProperties(@DefaultValue("IF_EMPTY") Mode mode, @DefaultValue("classpath:seed-data/") String location) {

    /** When to load. */
    public enum Mode { IF_EMPTY, ALWAYS, NEVER }
}
