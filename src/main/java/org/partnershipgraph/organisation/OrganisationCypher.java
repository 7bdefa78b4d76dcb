package org.partnershipgraph.organisation;

import java.util.List;

/** Cypher of the organisation feature: organisations, people and posts. */
final class OrganisationCypher {

    private OrganisationCypher() {
    }

    /** No rows: constraints and indexes for organisations, people and posts. */
    static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind)",
            "CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name)",
            "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)");

    /** One row {@code o}: the organisation with id {@code $id}. */
    static final String ORGANISATION = """
            MATCH (o:Organisation {id: $id})
            RETURN o
            """;

    /** One row {@code total, items}: organisations matching the filter, sorted, one page of nodes. */
    static final String ORGANISATIONS = """
            MATCH (o:Organisation)
            WHERE ($kinds IS NULL OR o.kind IN $kinds)
              AND ($name IS NULL OR replace(replace(toLower(o.name), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')
                   OR replace(replace(toLower(coalesce(o.shortName, '')), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')
                   OR any(alias IN coalesce(o.aliases, []) WHERE replace(replace(toLower(alias), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i')))
              AND ($partOf IS NULL OR EXISTS { (o)-[:PART_OF]->(:Organisation {id: $partOf}) })
            WITH o, CASE $sortField WHEN 'NAME' THEN toLower(o.name) WHEN 'KIND' THEN o.kind ELSE o.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, o.id
            WITH collect(o) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** One row {@code p}: the person with id {@code $id}. */
    static final String PERSON = """
            MATCH (p:Person {id: $id})
            RETURN p
            """;

    /** One row {@code total, items}: people matching the filter, sorted, one page of nodes. */
    static final String PEOPLE = """
            MATCH (p:Person)
            WHERE ($name IS NULL OR replace(replace(toLower(p.name), '’', "'"), 'i\u0307', 'i') CONTAINS replace(replace(toLower($name), '’', "'"), 'i\u0307', 'i'))
              AND ($organisation IS NULL OR EXISTS { (p)-[h:HOLDS|HELD]->(:Post)-[:AT]->(:Organisation {id: $organisation})
                                             WHERE h:HOLDS OR NOT EXISTS { (p)-[:HOLDS]->() } })
            WITH p, CASE $sortField WHEN 'NAME' THEN toLower(p.name) ELSE p.id END AS sortKey
            ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC,
                     CASE WHEN $descending THEN sortKey END DESC, p.id
            WITH collect(p) AS matched
            RETURN size(matched) AS total, matched[$offset..$offset + $limit] AS items
            """;

    /** Rows {@code id, items}: for each organisation id, the organisations it is part of. */
    static final String PART_OF = """
            UNWIND $ids AS id
            MATCH (:Organisation {id: id})-[:PART_OF]->(parent:Organisation)
            WITH id, parent ORDER BY toLower(parent.name), parent.id
            RETURN id, collect(parent) AS items
            """;

    /** Rows {@code id, items}: for each organisation id, the organisations directly part of it. */
    static final String PARTS = """
            UNWIND $ids AS id
            MATCH (:Organisation {id: id})<-[:PART_OF]-(part:Organisation)
            WITH id, part ORDER BY toLower(part.name), part.id
            RETURN id, collect(part) AS items
            """;

    /** Rows {@code id, items}: for each organisation id, the organisations that replaced it. */
    static final String SUCCESSORS = """
            UNWIND $ids AS id
            MATCH (:Organisation {id: id})-[:PREDECESSOR_OF]->(next:Organisation)
            WITH id, next ORDER BY toLower(next.name), next.id
            RETURN id, collect(next) AS items
            """;

    /** Rows {@code id, items}: for each organisation id, the posts at it. */
    static final String POSTS_AT = """
            UNWIND $ids AS id
            MATCH (:Organisation {id: id})<-[:AT]-(post:Post)
            WITH id, post ORDER BY toLower(post.title), post.id
            RETURN id, collect(post) AS items
            """;

    /** Rows {@code id, items}: for each organisation id, the boards it is a member of. */
    static final String MEMBER_OF = """
            UNWIND $ids AS id
            MATCH (:Organisation {id: id})-[:MEMBER_OF]->(board:Board)
            WITH id, board ORDER BY toLower(board.name), board.id
            RETURN id, collect(board) AS items
            """;

    /** Rows {@code id, items}: for each person id, the posts the person holds now. */
    static final String POSTS_HELD = """
            UNWIND $ids AS id
            MATCH (:Person {id: id})-[:HOLDS]->(post:Post)
            WITH id, post ORDER BY toLower(post.title), post.id
            RETURN id, collect(post) AS items
            """;

    /** Rows {@code id, items}: for each post id, the organisation it is at (at most one). */
    static final String POST_ORGANISATION = """
            UNWIND $ids AS id
            MATCH (:Post {id: id})-[:AT]->(o:Organisation)
            RETURN id, collect(o)[0..1] AS items
            """;

    /**
     * Fragment, given {@code id, post, h, person} rows of holdings: {@code id, items}, the items maps
     * {@code {person, post, current, asOf, sources}}, current first, then newest first.
     */
    private static final String HOLDING_ITEMS = """
            WITH *, COLLECT { MATCH (d:SourceDocument) WHERE d.id IN h.documents RETURN d } AS docs
            ORDER BY h:HOLDS DESC, h.asOf DESC, toLower(person.name), person.id, toLower(post.title), post.id
            RETURN id, collect({person: person, post: post, current: h:HOLDS, asOf: h.asOf,
                sources: [i IN range(0, size(coalesce(h.documents, [])) - 1) |
                    {doc: [d IN docs WHERE d.id = h.documents[i]][0], lines: h.lines[i], quote: h.quotes[i]}]}) AS items
            """;

    /**
     * Rows {@code id, items}: for each post id, maps {@code {person, post, current, asOf, sources}}
     * of everyone the documents name as holding it, current first, then newest first.
     */
    static final String POST_HOLDINGS = """
            UNWIND $ids AS id
            MATCH (post:Post {id: id})<-[h:HOLDS|HELD]-(person:Person)
            """ + HOLDING_ITEMS;

    /** As {@link #POST_HOLDINGS}, for each person id: the posts the person holds or held. */
    static final String PERSON_HOLDINGS = """
            UNWIND $ids AS id
            MATCH (person:Person {id: id})-[h:HOLDS|HELD]->(post:Post)
            """ + HOLDING_ITEMS;

    /** Rows {@code id, items}: for each post id, the people holding it now. */
    static final String HOLDERS = """
            UNWIND $ids AS id
            MATCH (:Post {id: id})<-[:HOLDS]-(person:Person)
            WITH id, person ORDER BY toLower(person.name), person.id
            RETURN id, collect(person) AS items
            """;
}
