package org.partnershipgraph.strategy;

/** Filter of {@code Query.indicators}. */
public record IndicatorFilter(String name, String measures) {
}
