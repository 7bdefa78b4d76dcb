package org.partnershipgraph.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated documents, by query text: a portal sends the same few queries with
 * different variables, so each is parsed and validated once, not on every request. Bounded: when
 * full it starts again empty, so unique queries cannot grow it without limit. Query limits are
 * checked at execution, after this, and so still apply to every request.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final int capacity;
    private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

    DocumentCache(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = entries.get(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(input.getQuery(), entry);
        return CompletableFuture.completedFuture(entry);
    }
}
