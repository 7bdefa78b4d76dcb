package org.partnershipgraph.search;

/**
 * One entity found by full-text search.
 *
 * @param entity the action, organisation, board, strategy or person found
 * @param score  the relevance Lucene gives the match (higher is better; comparable within one search only)
 */
public record SearchHit(Object entity, double score) {
}
