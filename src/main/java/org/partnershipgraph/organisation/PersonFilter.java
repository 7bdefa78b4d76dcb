package org.partnershipgraph.organisation;

/** Filter of {@code Query.people}. */
public record PersonFilter(String name, String organisation) {
}
