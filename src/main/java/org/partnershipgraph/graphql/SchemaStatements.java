package org.partnershipgraph.graphql;

import java.util.List;

/**
 * Constraints and indexes a feature needs, as idempotent Cypher ({@code IF NOT EXISTS});
 * {@link SchemaInitializer} applies them all at start-up.
 *
 * @param feature    the feature that needs them, for the log
 * @param statements the Cypher schema statements
 */
public record SchemaStatements(String feature, List<String> statements) {
}
