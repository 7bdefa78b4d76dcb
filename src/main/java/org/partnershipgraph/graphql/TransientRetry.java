package org.partnershipgraph.graphql;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs a whole transaction again when Neo4j reports a transient failure (a deadlock between
 * concurrent writers, most often), as the driver's own managed transactions do, including one
 * reported at commit (which Spring wraps in a {@link TransactionSystemException}; Neo4j committed
 * nothing). The work must be a complete transaction, called through its transactional proxy.
 */
public final class TransientRetry {

    /** Attempts in all. */
    public static final int ATTEMPTS = 5;

    private TransientRetry() {
    }

    /** The result of {@code work}, retried on transient failures up to {@link #ATTEMPTS} times. */
    public static <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (TransientDataAccessException | TransientException ex) {
                if (attempt >= ATTEMPTS) {
                    throw ex;
                }
                sleep(attempt);
            } catch (TransactionSystemException ex) {
                if (!(ex.getCause() instanceof TransientException) || attempt >= ATTEMPTS) {
                    throw ex;
                }
                sleep(attempt);
            }
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", ex);
        }
    }
}
