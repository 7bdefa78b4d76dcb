package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures {@link TransientRetry} runs a transaction again for: a transient error, also when
 * Neo4j reports it at commit (Spring wraps it), up to its attempts; never a connection lost at
 * commit, whose outcome is unknown.
 */
class TransientRetryTest {

    private static final TransientException DEADLOCK = new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock");

    @Test
    void aTransientErrorAtCommitIsRunAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = TransientRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new TransactionSystemException("commit failed", DEADLOCK);
            }
            return "committed";
        });
        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aTransientErrorEveryTimeEndsAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientRetry.run(() -> {
            attempts.incrementAndGet();
            throw new TransactionSystemException("commit failed", DEADLOCK);
        })).isInstanceOf(TransactionSystemException.class).hasCause(DEADLOCK);
        assertThat(attempts).hasValue(TransientRetry.ATTEMPTS);
    }

    @Test
    void aConnectionLostAtCommitIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> TransientRetry.run(() -> {
            attempts.incrementAndGet();
            throw new TransactionSystemException("commit failed", new ServiceUnavailableException("gone"));
        })).isInstanceOf(TransactionSystemException.class);
        assertThat(attempts).hasValue(1);
    }
}
