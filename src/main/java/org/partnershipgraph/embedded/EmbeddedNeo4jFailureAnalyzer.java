package org.partnershipgraph.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by a second instance on the same data directory. */
class EmbeddedNeo4jFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedNeo4jStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedNeo4jStartupException cause) {
        return new FailureAnalysis(
                "The embedded Neo4j data directory " + cause.dataDirectory()
                        + " is locked: another partnership-graph instance (or Neo4j) is using it.",
                "Stop the other instance, or give this one its own directory with "
                        + "--partnership.neo4j.embedded.data-directory=PATH, "
                        + "or point it at a Neo4j server with NEO4J_URI.",
                cause);
    }
}
