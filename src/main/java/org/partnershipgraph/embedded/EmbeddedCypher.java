package org.partnershipgraph.embedded;

/** Administration commands of the embedded server, run on its system database. */
final class EmbeddedCypher {

    private EmbeddedCypher() {
    }

    /** No rows: gives the user {@code neo4j} the password {@code $password}, with no change required at first sign-in. */
    static final String SET_PASSWORD = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
}
