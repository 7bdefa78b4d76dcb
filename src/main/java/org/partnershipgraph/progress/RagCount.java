package org.partnershipgraph.progress;

/** Number of actions with one RAG rating, and how many of them were derived. */
public record RagCount(String rag, int count, int derived) {
}
