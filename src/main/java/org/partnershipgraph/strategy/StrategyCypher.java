package org.partnershipgraph.strategy;

import java.util.List;

/** Cypher of the strategy feature: strategies, domains, priorities and indicators. */
final class StrategyCypher {

    private StrategyCypher() {
    }

    /** No rows: constraints and indexes for strategies, domains, priorities and indicators. */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT strategy_id IF NOT EXISTS FOR (n:Strategy) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT domain_id IF NOT EXISTS FOR (n:Domain) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT priority_id IF NOT EXISTS FOR (n:Priority) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX strategy_title IF NOT EXISTS FOR (n:Strategy) ON (n.title)");

    /** One row {@code s}: the strategy with id {@code $id}. */
    static final String STRATEGY = """
            MATCH (s:Strategy {id: $id})
            RETURN s
            """;

    /** One row {@code total, items}: strategies matching the filter, sorted, one page of nodes. */
    static final String STRATEGIES = """
            MATCH (s:Strategy)
            WHERE ($kinds IS NULL OR s.kind IN $kinds)
              AND ($title IS NULL OR replace(replace(toLower(s.title), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($title), '’', "'"), 'i\u0307', 'i'))
              AND ($owner IS NULL OR EXISTS { (s)<-[:OWNS]-(:Node {id: $owner}) })
            WITH s, CASE $sortField WHEN 'TITLE' THEN toLower(s.title) WHEN 'START_DATE' THEN toString(s.startDate)
                    ELSE s.id END AS sortKey
            ORDER BY sortKey IS NULL, CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, s.id
            WITH collect(s) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** One row {@code total, items}: indicators matching the filter, sorted, one page of nodes. */
    static final String INDICATORS = """
            MATCH (i:Indicator)
            WHERE ($name IS NULL OR replace(replace(toLower(i.name), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i'))
              AND ($measures IS NULL
                   OR EXISTS { (i)-[:MEASURES]->()<-[:HAS_DOMAIN|HAS_PRIORITY*0..2]-(:Node {id: $measures}) })
            WITH i, CASE $sortField WHEN 'NAME' THEN toLower(i.name) ELSE i.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, i.id
            WITH collect(i) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** Rows {@code id, items}: for each strategy id, the boards or organisations owning it. */
    static final String OWNERS = """
            UNWIND $ids AS id
            MATCH (:Strategy {id: id})<-[:OWNS]-(owner)
            WITH id, owner ORDER BY toLower(owner.name), owner.id
            RETURN id, collect(owner) AS items
            """;

    /** Rows {@code id, items}: for each strategy id, its domains in number order, then by title and id. */
    static final String DOMAINS = """
            UNWIND $ids AS id
            MATCH (:Strategy {id: id})-[:HAS_DOMAIN]->(d:Domain)
            WITH id, d ORDER BY d.number, d.title, d.id
            RETURN id, collect(d) AS items
            """;

    /** Rows {@code id, items}: for each strategy, domain or priority id, the distinct actions delivering it or its parts. */
    static final String ACTIONS = """
            UNWIND $ids AS id
            MATCH (:Node {id: id})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->(part)<-[:DELIVERS]-(a:Action)
            WITH DISTINCT id, a ORDER BY a.dueDate, a.id
            RETURN id, collect(a) AS items
            """;

    /** Rows {@code id, items}: for each strategy, domain or priority id, the distinct indicators measuring it or its parts. */
    static final String INDICATORS_OF = """
            UNWIND $ids AS id
            MATCH (:Node {id: id})-[:HAS_DOMAIN|HAS_PRIORITY*0..2]->(part)<-[:MEASURES]-(i:Indicator)
            WITH DISTINCT id, i ORDER BY toLower(i.name), i.id
            RETURN id, collect(i) AS items
            """;

    /** Rows {@code id, items}: for each domain id, its strategy (at most one). */
    static final String DOMAIN_STRATEGY = """
            UNWIND $ids AS id
            MATCH (:Domain {id: id})<-[:HAS_DOMAIN]-(s:Strategy)
            RETURN id, collect(s)[0..1] AS items
            """;

    /**
     * Rows {@code id, items}: for each domain id, its priorities in order (by the numbers their
     * numbers start with, part by part, so 4.2 comes before 4.10), then by number, title and id.
     */
    static final String PRIORITIES = """
            UNWIND $ids AS id
            MATCH (:Domain {id: id})-[:HAS_PRIORITY]->(p:Priority)
            WITH id, p, [x IN split(coalesce(p.number, ''), '.') | toIntegerOrNull(left(x, size(x) - size(ltrim(x, '0123456789'))))] AS rank
            WITH id, p ORDER BY rank, p.number, p.title, p.id
            RETURN id, collect(p) AS items
            """;

    /** Rows {@code id, items}: for each priority id, its domain (at most one). */
    static final String PRIORITY_DOMAIN = """
            UNWIND $ids AS id
            MATCH (:Priority {id: id})<-[:HAS_PRIORITY]-(d:Domain)
            RETURN id, collect(d)[0..1] AS items
            """;

    /** Rows {@code id, items}: for each indicator id, what it measures. */
    static final String MEASURES = """
            UNWIND $ids AS id
            MATCH (:Indicator {id: id})-[:MEASURES]->(x)
            WITH id, x ORDER BY x.id
            RETURN id, collect(x) AS items
            """;
}
