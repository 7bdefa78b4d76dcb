package org.partnershipgraph.action;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * What delivering an action late does downstream. The action is delivered on its due date plus the
 * delay. Each action waiting on it, at any depth, can start once the last of the actions it waits
 * on that the delay reaches is delivered, and is delivered at the later of its due date and that
 * start plus its lead time; it slips when that start falls after its latest start (its due date
 * minus its lead time). A complete or cancelled action waits on nothing, so a delay neither
 * reaches it nor passes through it, and a delay to one changes nothing.
 */
final class DelayImpact {

    private static final Set<String> CLOSED = Set.of("COMPLETE", "CANCELLED");

    private final LocalDate delivered;
    private final String source;
    private final Map<String, Reached> reached = new HashMap<>();
    private final Map<String, LocalDate> finishes = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    /** An action downstream of the delayed one: its node, shortest distance, and the ids it depends on directly. */
    private record Reached(Node node, int distance, List<String> waitsOn) {
    }

    private DelayImpact(String source, LocalDate delivered, List<Value> reached) {
        this.source = source;
        this.delivered = delivered;
        for (Value item : reached) {
            Node node = item.get("action").asNode();
            this.reached.put(node.get("id").asString(), new Reached(node, item.get("distance").asInt(),
                    item.get("waitsOn").asList(Value::asString)));
        }
    }

    /**
     * The actions that slip, tightest first: {@code source} (its node) delayed by {@code byDays},
     * given the maps {@code {action, distance, waitsOn}} of the actions downstream of it.
     */
    static List<ImpactedAction> of(Node source, List<Value> reached, int byDays) {
        LocalDate due = date(source, "dueDate");
        if (due == null || CLOSED.contains(source.get("status").asString(""))) {
            return List.of();
        }
        DelayImpact impact = new DelayImpact(source.get("id").asString(), due.plusDays(byDays), reached);
        List<ImpactedAction> slipping = new ArrayList<>();
        for (Map.Entry<String, Reached> entry : impact.reached.entrySet()) {
            Node node = entry.getValue().node();
            if (CLOSED.contains(node.get("status").asString(""))) {
                continue;
            }
            LocalDate start = impact.start(entry.getKey());
            LocalDate latestStart = latestStart(node);
            if (start != null && latestStart != null && start.isAfter(latestStart)) {
                slipping.add(new ImpactedAction(Action.from(node), entry.getValue().distance(), latestStart,
                        (int) ChronoUnit.DAYS.between(start, latestStart)));
            }
        }
        slipping.sort(Comparator.comparingInt(ImpactedAction::slackDays).thenComparingInt(ImpactedAction::distance)
                .thenComparing(hit -> hit.action().id()));
        return slipping;
    }

    /** When action {@code id} can start: when the last action it waits on that the delay reaches is delivered; null when none is. */
    private LocalDate start(String id) {
        LocalDate start = null;
        for (String dependency : reached.get(id).waitsOn()) {
            LocalDate finish = finish(dependency);
            if (finish != null && (start == null || finish.isAfter(start))) {
                start = finish;
            }
        }
        return start;
    }

    /** When action {@code id} is delivered once the delay reaches it; null when the delay does not reach it. */
    private LocalDate finish(String id) {
        if (id.equals(source)) {
            return delivered;
        }
        Reached action = reached.get(id);
        if (action == null || CLOSED.contains(action.node().get("status").asString(""))) {
            return null;
        }
        if (finishes.containsKey(id)) {
            return finishes.get(id);
        }
        if (!visiting.add(id)) {
            return null;
        }
        LocalDate start = start(id);
        LocalDate finish = null;
        if (start != null) {
            LocalDate due = date(action.node(), "dueDate");
            finish = start.plusDays(leadDays(action.node()));
            if (due != null && due.isAfter(finish)) {
                finish = due;
            }
        }
        visiting.remove(id);
        finishes.put(id, finish);
        return finish;
    }

    /** Its due date minus its lead time; null without a due date. */
    private static LocalDate latestStart(Node node) {
        LocalDate due = date(node, "dueDate");
        return due == null ? null : due.minusDays(leadDays(node));
    }

    /** {@code leadTimeDays}, else the days from its start date to its due date, else 0. */
    private static long leadDays(Node node) {
        if (!node.get("leadTimeDays").isNull()) {
            return node.get("leadTimeDays").asLong();
        }
        LocalDate start = date(node, "startDate");
        LocalDate due = date(node, "dueDate");
        return start != null && due != null && !start.isAfter(due) ? ChronoUnit.DAYS.between(start, due) : 0;
    }

    private static LocalDate date(Node node, String key) {
        Value value = node.get(key);
        return value.isNull() ? null : value.asLocalDate();
    }
}
