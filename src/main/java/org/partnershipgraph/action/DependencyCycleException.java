package org.partnershipgraph.action;

import java.util.List;

/** A dependency would close a cycle; nothing was written. */
public class DependencyCycleException extends RuntimeException {

    private final List<String> cycle;

    public DependencyCycleException(List<String> cycle) {
        super(cycle.size() == 2 ? "An action cannot depend on itself: " + cycle.getFirst() + "."
                : "This dependency would close a cycle: " + String.join(" -> ", cycle)
                        + ". Remove one of those dependencies first, or choose another action.");
        this.cycle = List.copyOf(cycle);
    }

    /** The action ids along the cycle, starting and ending with the same action. */
    public List<String> cycle() {
        return cycle;
    }
}
