package org.partnershipgraph.progress;

import java.time.LocalDate;

/** Argument of {@code Query.progress}: the scope's id, the as-of date and the reporting cycle. */
public record ProgressScopeInput(String id, LocalDate asOf, Integer reportingCycleMonths) {
}
