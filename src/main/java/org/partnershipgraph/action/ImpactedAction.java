package org.partnershipgraph.action;

import java.time.LocalDate;

/** A downstream action that slips if an action it waits on is late. */
public record ImpactedAction(Action action, int distance, LocalDate latestStart, int slackDays) {
}
