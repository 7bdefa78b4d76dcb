package org.partnershipgraph.seed;

/**
 * One thing wrong with a seed record.
 *
 * @param file    the seed file
 * @param line    the line of the record in the file
 * @param id      the record's id (or target, or from), if it has one
 * @param message what is wrong
 */
public record SeedProblem(String file, int line, String id, String message) {

    @Override
    public String toString() {
        return file + ":" + line + (id == null ? "" : " (" + id + ")") + ": " + message;
    }
}
