package org.partnershipgraph.seed;

import java.util.List;

/**
 * A seed file's text, by name.
 *
 * @param name  file name, for messages
 * @param lines the file's lines
 */
record SeedFile(String name, List<String> lines) {
}
