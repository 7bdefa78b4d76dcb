package org.partnershipgraph.audit;

/** Cypher of provenance: where every entity is stated. */
final class AuditCypher {

    private AuditCypher() {
    }

    /** Rows {@code id, items}: for each entity id, its citations as maps {@code {doc, lines, quote}}, by document and line. */
    static final String SOURCES = """
            UNWIND $ids AS id
            MATCH (:Node {id: id})-[c:CITED_IN]->(doc:SourceDocument)
            WITH id, c, doc ORDER BY doc.id, c.firstLine, c.lines, c.quote
            RETURN id, collect({doc: doc, lines: c.lines, quote: c.quote}) AS items
            """;
}
