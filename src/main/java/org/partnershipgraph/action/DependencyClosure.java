package org.partnershipgraph.action;

import java.util.List;

/** The actions reachable along dependencies to a depth, and whether more lie beyond it. */
public record DependencyClosure(List<DependencyHit> actions, int depth, boolean cut) {
}
