package org.partnershipgraph.search;

/** Benchmark access to the search feature's Cypher (the service's own constant, unchanged) and to the Lucene query it sends. */
public final class SearchBenchCypher {

    private SearchBenchCypher() {
    }

    public static final String SEARCH = SearchCypher.SEARCH;

    /** The Lucene query the service sends for {@code text}. */
    public static String luceneQuery(String text) {
        return SearchText.of(text).luceneQuery();
    }
}
