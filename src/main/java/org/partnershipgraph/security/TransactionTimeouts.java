package org.partnershipgraph.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Every Neo4j transaction the service opens has a timeout, embedded or external server alike,
 * so no query can hold the database for long.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionTimeouts {

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> neo4jTransactionTimeout(
            @Value("${partnership.neo4j.transaction-timeout:30s}") Duration timeout) {
        int seconds = wholeSeconds(timeout);
        return manager -> manager.setDefaultTimeout(seconds);
    }

    /**
     * {@code timeout} in seconds, the unit Spring's transaction timeouts take; a timeout under a
     * second or not a whole number of seconds stops the start, rather than being rounded to another.
     */
    static int wholeSeconds(Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.getNano() != 0 || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalStateException("partnership.neo4j.transaction-timeout is " + timeout
                    + ": give a whole number of seconds, at least 1s (a request's transaction timeout is counted in seconds)");
        }
        return (int) timeout.toSeconds();
    }
}
