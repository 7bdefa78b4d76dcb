package org.partnershipgraph.strategy;

import java.util.List;

/** Filter of {@code Query.strategies}. */
public record StrategyFilter(List<StrategyKind> kind, String title, String owner) {
}
