package org.partnershipgraph.accountability;

import java.util.List;

import org.partnershipgraph.action.Action;

/** How an action is held to account. */
public record AccountabilityChain(Action action, boolean owned, String message, List<AccountabilityPath> paths) {
}
