package org.partnershipgraph.action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipgraph.graphql.BadRequestException;
import org.partnershipgraph.graphql.NotFoundException;
import org.partnershipgraph.graphql.ValidationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dependencies between actions: transitive closures, impact of a delay, blockers, and the one
 * way to add or remove a dependency, which refuses any that would close a cycle.
 */
@Service
public class Dependencies {

    /** Deepest a closure is searched. */
    public static final int MAX_DEPTH = 30;

    /** Longest delay {@code impactIfDelayed} takes. */
    public static final int MAX_DELAY_DAYS = 3660;

    private final Neo4jClient neo4j;

    Dependencies(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Key of a closure load: an action and a depth. */
    record ClosureKey(String id, int depth) {
    }

    /** Key of an impact load: an action and a delay in days. */
    record ImpactKey(String id, int byDays) {
    }

    /** Validates a requested depth: null is the default 5; above the cap it is capped (and reported cut). */
    static int depth(Integer requested) {
        int depth = requested == null ? 5 : requested;
        if (depth < 1) {
            throw new BadRequestException("depth must be at least 1, was " + depth);
        }
        return Math.min(depth, MAX_DEPTH + 1);
    }

    @Transactional(readOnly = true)
    Map<ClosureKey, DependencyClosure> upstream(Set<ClosureKey> keys) {
        return closures(DependencyCypher.UPSTREAM, keys);
    }

    @Transactional(readOnly = true)
    Map<ClosureKey, DependencyClosure> downstream(Set<ClosureKey> keys) {
        return closures(DependencyCypher.DOWNSTREAM, keys);
    }

    @Transactional(readOnly = true)
    Map<ImpactKey, List<ImpactedAction>> impact(Set<ImpactKey> keys) {
        Map<String, Record> rows = new HashMap<>();
        for (Record row : rows(DependencyCypher.IMPACT, Map.of("ids", keys.stream().map(ImpactKey::id).distinct().toList()))) {
            rows.put(row.get("id").asString(), row);
        }
        Map<ImpactKey, List<ImpactedAction>> result = new HashMap<>();
        for (ImpactKey key : keys) {
            Record row = rows.get(key.id());
            result.put(key, row == null ? List.of()
                    : DelayImpact.of(row.get("a").asNode(), row.get("reached").asList(v -> v), key.byDays()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    Map<String, List<Action>> blockedBy(List<String> ids) {
        Map<String, List<Action>> result = new HashMap<>();
        for (Record row : rows(DependencyCypher.BLOCKED_BY, Map.of("ids", ids))) {
            result.put(row.get("id").asString(), row.get("items").asList(v -> Action.from(v.asNode())));
        }
        return result;
    }

    /**
     * Makes {@code from} depend on {@code to}, in a transaction (the caller's, or a new one) that
     * locks both actions and then the one lock every addition takes before its cycle check, so
     * additions check one at a time, each seeing the others' committed edges: two concurrent
     * additions cannot together close a cycle, however long. A dependency that exists already
     * changes nothing and is not checked again. A caller that locked something else first can still
     * deadlock with another writer; callers run it under {@code TransientRetry}, as the mutations do
     * (which lock both actions together, in id order, before anything else).
     *
     * @return true when the dependency is new
     * @throws DependencyCycleException when it would close a cycle; nothing is written
     * @throws NotFoundException when either action does not exist
     * @throws ValidationException when {@code to} is CANCELLED: nothing can wait on it
     */
    @Transactional
    public boolean addDependency(String from, String to) {
        lock(from, to);
        neo4j.query(DependencyCypher.LOCK_ALL).bindAll(Map.of("name", "dependencies")).run();
        Record check = one(DependencyCypher.CYCLE_CHECK, Map.of("from", from, "to", to));
        requireExists(check, from, to);
        if (check.get("exists").asBoolean()) {
            return false;
        }
        if (!check.get("cycle").isNull()) {
            throw new DependencyCycleException(check.get("cycle").asList(Value::asString));
        }
        if (ActionStatus.CANCELLED.name().equals(check.get("toStatus").asString(null))) {
            throw new ValidationException("dependsOnId", to + " is cancelled: nothing can wait on it");
        }
        neo4j.query(DependencyCypher.ADD).bindAll(Map.of("from", from, "to", to)).run();
        return true;
    }

    /**
     * Removes the dependency of {@code from} on {@code to}.
     *
     * @return true when there was one
     */
    @Transactional
    public boolean removeDependency(String from, String to) {
        lock(from, to);
        return one(DependencyCypher.REMOVE, Map.of("from", from, "to", to)).get("removed").asInt() > 0;
    }

    private void lock(String from, String to) {
        neo4j.query(ActionCypher.LOCK).bindAll(Map.of("ids", List.copyOf(new TreeSet<>(List.of(from, to))))).run();
    }

    private Record one(String cypher, Map<String, Object> params) {
        return neo4j.query(cypher).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).one().orElseThrow();
    }

    private static void requireExists(Record check, String from, String to) {
        if (!check.get("from").asBoolean()) {
            throw new NotFoundException("No action has id " + from);
        }
        if (!check.get("to").asBoolean()) {
            throw new NotFoundException("No action has id " + to);
        }
    }

    private Map<ClosureKey, DependencyClosure> closures(String cypher, Set<ClosureKey> keys) {
        List<Map<String, Object>> params = keys.stream()
                .map(k -> Map.<String, Object>of("id", k.id(), "depth", Math.min(k.depth(), MAX_DEPTH))).toList();
        Map<ClosureKey, DependencyClosure> result = new HashMap<>();
        keys.forEach(k -> result.put(k, new DependencyClosure(List.of(), Math.min(k.depth(), MAX_DEPTH), false)));
        Map<String, List<ClosureKey>> byId = new HashMap<>();
        keys.forEach(k -> byId.computeIfAbsent(k.id() + "/" + Math.min(k.depth(), MAX_DEPTH), x -> new ArrayList<>()).add(k));
        for (Record row : rows(cypher, Map.of("keys", params))) {
            Value key = row.get("key");
            int depth = key.get("depth").asInt();
            List<DependencyHit> hits = row.get("items").asList(v -> new DependencyHit(Action.from(v.get("action").asNode()),
                    v.get("distance").asInt()));
            boolean cut = row.get("cut").asBoolean();
            for (ClosureKey asked : byId.getOrDefault(key.get("id").asString() + "/" + depth, List.of())) {
                result.put(asked, new DependencyClosure(hits, depth, cut));
            }
        }
        return result;
    }

    private List<Record> rows(String cypher, Map<String, Object> params) {
        return List.copyOf(neo4j.query(cypher).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).all());
    }
}
