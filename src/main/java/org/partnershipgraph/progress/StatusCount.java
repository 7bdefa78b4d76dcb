package org.partnershipgraph.progress;

/** Number of actions with one status. */
public record StatusCount(String status, int count) {
}
