package org.partnershipgraph.embedded;

import java.nio.file.Path;

/** The embedded Neo4j could not start because another process holds its data directory. */
public class EmbeddedNeo4jStartupException extends RuntimeException {

    private final transient Path dataDirectory;

    public EmbeddedNeo4jStartupException(Path dataDirectory) {
        super("The embedded Neo4j data directory " + dataDirectory + " is in use by another process");
        this.dataDirectory = dataDirectory;
    }

    /** The directory another process holds. */
    public Path dataDirectory() {
        return dataDirectory;
    }
}
