package org.partnershipgraph.board;

import java.util.List;

/** Filter of {@code Query.boards}. */
public record BoardFilter(List<BoardKind> kind, String name, String reportsTo) {
}
