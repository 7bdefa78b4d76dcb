package org.partnershipgraph.graphql;

import java.util.ArrayList;
import java.util.List;

/** A Relay connection page with the total count of matching items. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    /** A page of {@code items} starting at {@code page.offset()} within {@code total} items. */
    public static <T> Connection<T> of(List<T> items, PageRequest page, int total) {
        List<Edge<T>> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(new Edge<>(PageRequest.cursor(page.offset() + i), items.get(i)));
        }
        String start = edges.isEmpty() ? null : edges.getFirst().cursor();
        String end = edges.isEmpty() ? null : edges.getLast().cursor();
        boolean hasNext = page.offset() + items.size() < total;
        return new Connection<>(edges, new PageInfo(hasNext, Math.min(page.offset(), total) > 0, start, end), total);
    }
}
