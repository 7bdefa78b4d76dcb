package org.partnershipgraph.action;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A committed change to an action, as pushed to subscribers.
 *
 * @param action    the action after the change
 * @param operation the mutation
 * @param at        when it was committed
 * @param boards    the action's accountable board and every body above it, for filtering
 */
public record ActionChange(Action action, String operation, OffsetDateTime at, Set<String> boards) {
}
