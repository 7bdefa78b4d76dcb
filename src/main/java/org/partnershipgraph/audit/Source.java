package org.partnershipgraph.audit;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Value;

/** Where an item is stated: a document, a line range in it, and a short quote. */
public record Source(SourceDocument document, String lines, String quote) {

    /** Reads a map {@code {doc: node, lines, quote}} as returned by the provenance queries. */
    public static Source from(Value v) {
        Value quote = v.get("quote");
        return new Source(SourceDocument.from(v.get("doc").asNode()), v.get("lines").asString(),
                quote.isNull() || quote.asString().isBlank() ? null : quote.asString());
    }

    /** Reads a list of such maps, skipping entries whose document is missing. */
    public static List<Source> list(Value v) {
        List<Source> sources = new ArrayList<>();
        for (Value item : v.values()) {
            if (!item.get("doc").isNull()) {
                sources.add(from(item));
            }
        }
        return sources;
    }
}
