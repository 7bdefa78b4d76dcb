package org.partnershipgraph.progress;

import java.time.LocalDate;
import java.util.List;

/** Headline progress figures as of one date. */
public record ProgressPoint(LocalDate asOf, int total, int complete, double percentComplete, int overdue,
        List<StatusCount> byStatus) {
}
