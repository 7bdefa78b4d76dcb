package org.partnershipgraph.search;

import java.util.List;

/** Cypher of full-text search. */
final class SearchCypher {

    /**
     * No rows: the full-text index over the names and texts a public reader may see (actions' titles
     * and descriptions, organisations' and boards' names, short names and aliases, strategies' titles
     * and visions, people's names), with the analyser {@code standard-no-stop-words} (lower-cased
     * words, no stop words) and updated as each transaction commits, whatever the server's defaults
     * (an index of this name that exists already keeps its own).
     */
    static final List<String> SCHEMA = List.of("""
            CREATE FULLTEXT INDEX search_text IF NOT EXISTS
            FOR (n:Action|Organisation|Board|Strategy|Person)
            ON EACH [n.title, n.description, n.name, n.shortName, n.aliases, n.vision]
            OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}
            """);

    /**
     * One row {@code total, hits}: the number of nodes matching the Lucene query {@code $query} whose
     * label is in {@code $labels} (any label when null), and the page {@code $offset}, {@code $limit} of
     * them as maps {@code {node, score}}, best score first, then by id. The count streams the hits and
     * the page keeps only {@code $offset + $limit} of them while sorting, however many match.
     */
    static final String SEARCH = """
            CALL () {
                CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node
                WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
                RETURN count(node) AS total
            }
            RETURN total, COLLECT {
                CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node, score
                WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
                WITH node, score
                ORDER BY score DESC, node.id
                SKIP $offset LIMIT $limit
                RETURN {node: node, score: score}
            } AS hits
            """;

    private SearchCypher() {
    }
}
