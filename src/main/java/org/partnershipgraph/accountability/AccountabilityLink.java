package org.partnershipgraph.accountability;

/** A node of an accountability path and the relationship leading from it to the next node. */
public record AccountabilityLink(Object node, String relationship, String relation) {
}
