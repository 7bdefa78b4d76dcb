package org.partnershipgraph.action;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * What delivering an action late does downstream. The action is delivered on its due date plus the
 * delay. An open action waiting on it, at any depth, can start no sooner than the last of the
 * actions it waits on that the delay reaches can be delivered, and can be delivered no sooner than
 * its lead time after that; it slips when that start is after its latest start (its due date minus
 * its lead time). With no lead times on the way, that is every downstream action whose latest start
 * falls before the delayed action's new delivery date. Only the delayed action's date travels: an
 * action between them is counted as delivered as soon as it can be, not on its own due date, so a
 * conflict in the plan between two other actions is not laid at the delayed action's door. An action
 * with no due date passes the delay on and is not listed. Complete and cancelled actions wait on
 * nothing: a delay neither reaches them nor passes through them, and a delay to one changes nothing.
 * Worked in dependency order, without recursion; an action on a cycle (which the service refuses to
 * create) is left out.
 */
final class DelayImpact {

    private static final Set<String> CLOSED = Set.of("COMPLETE", "CANCELLED");

    private DelayImpact() {
    }

    /**
     * The actions that slip, tightest first: {@code source} (its node) delayed by {@code byDays},
     * given the maps {@code {action, waitsOn}} of the actions downstream of it, each with the ids
     * of the actions it depends on directly.
     */
    static List<ImpactedAction> of(Node source, List<Value> reached, int byDays) {
        Action delayed = Action.from(source);
        if (delayed.dueDate() == null || closed(delayed)) {
            return List.of();
        }
        String sourceId = delayed.id();
        Map<String, Action> open = new HashMap<>();
        Map<String, List<String>> waitsOn = new HashMap<>();
        for (Value item : reached) {
            Action action = Action.from(item.get("action").asNode());
            if (!closed(action)) {
                open.put(action.id(), action);
                waitsOn.put(action.id(), item.get("waitsOn").asList(Value::asString));
            }
        }
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        waitsOn.forEach((id, dependencies) -> {
            int count = 0;
            for (String dependency : dependencies) {
                if (dependency.equals(sourceId) || open.containsKey(dependency)) {
                    dependents.computeIfAbsent(dependency, key -> new ArrayList<>()).add(id);
                    count++;
                }
            }
            pending.put(id, count);
        });

        Map<String, LocalDate> soonest = new HashMap<>();
        Map<String, Integer> distance = new HashMap<>();
        soonest.put(sourceId, delayed.dueDate().plusDays(byDays));
        distance.put(sourceId, 0);
        List<ImpactedAction> slipping = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>(List.of(sourceId));
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        while (!ready.isEmpty()) {
            for (String id : dependents.getOrDefault(ready.poll(), List.of())) {
                if (pending.merge(id, -1, Integer::sum) == 0) {
                    settle(id, open.get(id), waitsOn.get(id), soonest, distance, slipping);
                    ready.add(id);
                }
            }
        }
        slipping.sort(Comparator.comparingInt(ImpactedAction::slackDays).thenComparingInt(ImpactedAction::distance)
                .thenComparing(hit -> hit.action().id()));
        return slipping;
    }

    /**
     * Works out action {@code id} once everything it waits on is settled: the soonest it can start
     * (the latest delivery among the actions the delay reaches that it waits on), whether that makes
     * it slip, and the soonest it can be delivered.
     */
    private static void settle(String id, Action action, List<String> waitsOn, Map<String, LocalDate> soonest,
            Map<String, Integer> distance, List<ImpactedAction> slipping) {
        LocalDate start = null;
        int steps = Integer.MAX_VALUE;
        for (String dependency : waitsOn) {
            LocalDate delivered = soonest.get(dependency);
            if (delivered != null) {
                start = start == null || delivered.isAfter(start) ? delivered : start;
                steps = Math.min(steps, distance.get(dependency) + 1);
            }
        }
        if (start == null) {
            return;
        }
        long lead = leadDays(action);
        LocalDate latestStart = action.dueDate() == null ? null : action.dueDate().minusDays(lead);
        soonest.put(id, start.plusDays(lead));
        distance.put(id, steps);
        if (latestStart != null && start.isAfter(latestStart)) {
            slipping.add(new ImpactedAction(action, steps, latestStart, (int) ChronoUnit.DAYS.between(start, latestStart)));
        }
    }

    private static boolean closed(Action action) {
        return action.status() != null && CLOSED.contains(action.status());
    }

    /** {@code leadTimeDays}, else the days from its start date to its due date, else 0. */
    private static long leadDays(Action action) {
        if (action.leadTimeDays() != null) {
            return action.leadTimeDays();
        }
        LocalDate start = action.startDate();
        LocalDate due = action.dueDate();
        return start != null && due != null && !start.isAfter(due) ? ChronoUnit.DAYS.between(start, due) : 0;
    }
}
