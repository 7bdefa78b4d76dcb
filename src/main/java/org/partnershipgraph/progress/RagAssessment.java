package org.partnershipgraph.progress;

/** An action's RAG rating: given or derived, and why. */
public record RagAssessment(String rag, boolean derived, String reason) {
}
