package org.partnershipgraph.action;

import java.time.LocalDate;
import java.util.List;

/** Filter of {@code Query.actions}. */
public record ActionFilter(List<ActionStatus> status, List<Rag> rag, String owner, String board, String strategy,
        LocalDate dueBefore, String title) {
}
