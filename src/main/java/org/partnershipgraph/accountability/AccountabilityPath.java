package org.partnershipgraph.accountability;

import java.util.List;

/** One ordered path of an accountability chain, from the action to the top. */
public record AccountabilityPath(List<AccountabilityLink> links, Object top) {
}
