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
        return manager -> manager.setDefaultTimeout((int) Math.max(1, timeout.toSeconds()));
    }
}
