package org.partnershipgraph.action;

/** An action reached along dependencies, and its shortest distance. */
public record DependencyHit(Action action, int distance) {
}
