package org.partnershipgraph.action;

import java.time.LocalDate;

/** An action's recorded state at a date. */
public record ActionState(LocalDate date, String status, String rag, Integer percentComplete, String ownerId,
        LocalDate dueDate) {
}
