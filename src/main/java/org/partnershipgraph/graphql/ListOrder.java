package org.partnershipgraph.graphql;

import java.util.Comparator;
import java.util.List;

/** The order of lists as Cypher orders them: element by element, and a list before any list it starts. */
public final class ListOrder {

    private ListOrder() {
    }

    /** Compares lists element by element with {@code element}; a prefix comes first. */
    public static <T> Comparator<List<T>> lexicographic(Comparator<? super T> element) {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = element.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
    }
}
