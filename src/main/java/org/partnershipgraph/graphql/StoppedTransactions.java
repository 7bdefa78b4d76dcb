package org.partnershipgraph.graphql;

import java.util.Set;

import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Recognises a transaction Neo4j stopped before it finished: it ran past its timeout (the
 * service gives every transaction one), or an operator or a shutting-down database terminated
 * it. Such a transaction changed nothing, and the same request is likely to run as long again.
 */
public final class StoppedTransactions {

    /** The last part of the status codes of a stopped transaction (Neo4j reports some as client, some as transient errors). */
    private static final Set<String> CODES = Set.of("TransactionTimedOut", "TransactionTimedOutClientConfiguration",
            "LockClientStopped", "Terminated");

    private StoppedTransactions() {
    }

    /** Whether {@code ex} or one of its causes says that Neo4j stopped the transaction before it finished. */
    public static boolean stopped(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j && neo4j.code() != null
                    && neo4j.code().startsWith("Neo.") && CODES.contains(neo4j.code().substring(neo4j.code().lastIndexOf('.') + 1))) {
                return true;
            }
        }
        return false;
    }
}
