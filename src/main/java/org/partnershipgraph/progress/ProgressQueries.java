package org.partnershipgraph.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipgraph.action.Action;
import org.partnershipgraph.action.ActionStatus;
import org.partnershipgraph.graphql.BadRequestException;
import org.partnershipgraph.graphql.Batches;
import org.partnershipgraph.graphql.EntityTypes;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Progress roll-ups and action progress fields; each method is one Cypher statement. */
@Component
@Transactional(readOnly = true)
class ProgressQueries {

    /** Longest reporting cycle a caller may ask for. */
    static final int MAX_CYCLE_MONTHS = 60;

    /** Most dates one trend may ask for. */
    static final int MAX_TREND_POINTS = 60;

    private static final List<String> STATUSES = Arrays.stream(ActionStatus.values()).map(Enum::name).toList();

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    ProgressQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<Progress> rollUp(ProgressScopeInput scope, LocalDate today) {
        LocalDate asOf = scope.asOf() == null ? today : scope.asOf();
        int cycle = scope.reportingCycleMonths() == null ? 3 : scope.reportingCycleMonths();
        if (cycle < 1 || cycle > MAX_CYCLE_MONTHS) {
            throw new BadRequestException("reportingCycleMonths must be between 1 and " + MAX_CYCLE_MONTHS + ", was " + cycle);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", scope.id());
        params.put("asOf", asOf);
        params.put("staleBefore", asOf.minusMonths(cycle));
        params.put("statuses", STATUSES);
        Progress self = null;
        List<Progress> children = new ArrayList<>();
        for (Record row : neo4j.query(ProgressCypher.ROLL_UP).bindAll(params).fetchAs(Record.class)
                .mappedBy((t, r) -> r).all()) {
            Progress progress = progress(row, asOf);
            if (row.get("isScope").asBoolean()) {
                self = progress;
            } else {
                children.add(progress);
            }
        }
        if (self == null) {
            return Optional.empty();
        }
        children.sort((x, y) -> ChildOrder.compare(x.scope(), y.scope()));
        Progress scoped = self;
        return Optional.of(new Progress(scoped.scope(), scoped.scopeId(), asOf, scoped.total(), scoped.byStatus(),
                scoped.byRag(), scoped.unrated(), scoped.complete(), scoped.percentComplete(),
                scoped.weightedPercentComplete(), scoped.overdue(), scoped.stale(), children));
    }

    /** Key of a trend load: a scope and the dates asked of it. */
    record TrendKey(String scopeId, List<LocalDate> dates) {

        /** BAD_REQUEST for more than {@link #MAX_TREND_POINTS} dates. */
        TrendKey {
            if (dates.size() > MAX_TREND_POINTS) {
                throw new BadRequestException("trend takes at most " + MAX_TREND_POINTS + " dates, was given " + dates.size());
            }
            dates = List.copyOf(dates);
        }
    }

    /** The trend of each key's scope at its dates, oldest first: one statement for all keys. */
    Map<TrendKey, List<ProgressPoint>> trends(Set<TrendKey> keys) {
        List<TrendKey> ordered = List.copyOf(keys);
        List<Map<String, Object>> params = new ArrayList<>();
        List<TrendCounts[]> counts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            params.add(Map.of("i", i, "id", ordered.get(i).scopeId(), "dates", ordered.get(i).dates()));
            TrendCounts[] perDate = new TrendCounts[ordered.get(i).dates().size()];
            Arrays.setAll(perDate, d -> new TrendCounts());
            counts.add(perDate);
        }
        for (Record row : neo4j.query(ProgressCypher.TREND).bindAll(Map.of("keys", params))
                .fetchAs(Record.class).mappedBy((t, r) -> r).all()) {
            counts.get(row.get("i").asInt())[row.get("d").asInt()]
                    .add(row.get("status").asString(), row.get("overdue").asBoolean(), row.get("n").asInt());
        }
        Map<TrendKey, List<ProgressPoint>> result = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            List<LocalDate> dates = ordered.get(i).dates();
            List<ProgressPoint> points = new ArrayList<>();
            for (int d = 0; d < dates.size(); d++) {
                points.add(counts.get(i)[d].point(dates.get(d)));
            }
            points.sort(Comparator.comparing(ProgressPoint::asOf));
            result.put(ordered.get(i), List.copyOf(points));
        }
        return result;
    }

    /** The counts of one trend point, added up from the rows of {@code TREND}. */
    private static final class TrendCounts {
        private final Map<String, Integer> byStatus = new HashMap<>();
        private int overdue;

        void add(String status, boolean late, int n) {
            byStatus.merge(status, n, Integer::sum);
            overdue += late ? n : 0;
        }

        ProgressPoint point(LocalDate asOf) {
            int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            int complete = byStatus.getOrDefault("COMPLETE", 0);
            int countable = total - byStatus.getOrDefault("CANCELLED", 0);
            List<StatusCount> statuses = STATUSES.stream().filter(byStatus::containsKey)
                    .map(s -> new StatusCount(s, byStatus.get(s))).toList();
            return new ProgressPoint(asOf, total, complete, percent(complete, countable), overdue, statuses);
        }
    }

    Map<Action, List<ProgressUpdate>> updates(List<Action> actions) {
        return Batches.lists(neo4j, ProgressCypher.UPDATES, actions, (r, v) -> ProgressUpdate.from(v.asNode()));
    }

    Map<Action, RagAssessment> ragAssessment(List<Action> actions, LocalDate today) {
        return Batches.single(neo4j, ProgressCypher.RAG_ASSESSMENT, actions, Map.of("today", today), (r, v) -> new RagAssessment(
                v.get("rag").isNull() ? null : v.get("rag").asString(), v.get("derived").asBoolean(),
                v.get("reason").asString()));
    }

    private Progress progress(Record row, LocalDate asOf) {
        int complete = row.get("complete").asInt();
        double weightTotal = row.get("weightTotal").asDouble();
        double weighted = weightTotal == 0 ? 0 : row.get("weightedSum").asDouble() / weightTotal;
        List<RagCount> byRag = row.get("byRag").asList(v -> new RagCount(v.get("rag").asString(), v.get("count").asInt(),
                v.get("derived").asInt()));
        return new Progress(types.map(row.get("group").asNode()), row.get("group").asNode().get("id").asString(), asOf,
                row.get("total").asInt(), statusCounts(row.get("byStatus")), byRag, row.get("unrated").asInt(),
                complete, percent(complete, row.get("countable").asInt()), round(weighted),
                row.get("overdue").asInt(), row.get("stale").asInt(), List.of());
    }

    private static List<StatusCount> statusCounts(Value list) {
        return list.asList(v -> new StatusCount(v.get("status").asString(), v.get("count").asInt())).stream()
                .filter(c -> c.count() > 0).toList();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : round(100.0 * part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
