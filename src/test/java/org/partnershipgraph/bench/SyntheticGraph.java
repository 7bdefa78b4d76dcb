package org.partnershipgraph.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A deterministic synthetic partnership graph shaped like the seed graph, {@code scale} times its
 * size. The graph is {@code scale} "units", each about the size of the seed (809 actions, 111 boards,
 * 237 organisations, 85 posts, 128 people, 85 strategies, 132 domains, 35 priorities), under one
 * top board:
 * <ul>
 * <li>boards 5 deep: {@code board-top}, then per unit 1 + 6 + 24 + 80 boards at levels 1 to 4,
 * each reporting to a random board one level up;</li>
 * <li>organisations: 8 roots per unit and 229 parts, at most 3 levels of PART_OF; posts at a random
 * organisation; people holding posts;</li>
 * <li>strategies owned by level 1 or 2 boards, domains and priorities skewed towards the first
 * strategies of each unit (so a few strategies are large, as in the seed);</li>
 * <li>actions: 88% owned (72% by an organisation, 12% a person, 9% a board, 7% a post), 42%
 * accountable to a board, 84% delivering a strategy, domain or priority, each with its first
 * progress update, statuses in the seed's proportions;</li>
 * <li>dependencies: per unit 20 chains of 12 actions with a diamond every third step, plus 60
 * random acyclic links.</li>
 * </ul>
 * The same seed gives the same graph; unit 0 is the same at every scale, so point queries ask
 * for the same ids at 1x, 10x and 100x. Written with batched {@code UNWIND} statements.
 */
public final class SyntheticGraph {

    static final int ACTIONS = 809;
    static final int BOARDS_L2 = 6;
    static final int BOARDS_L3 = 24;
    static final int BOARDS_L4 = 80;
    static final int ORGS = 237;
    static final int ORG_ROOTS = 8;
    static final int POSTS = 85;
    static final int PEOPLE = 128;
    static final int STRATEGIES = 85;
    static final int DOMAINS = 132;
    static final int PRIORITIES = 35;
    static final int CHAINS = 20;
    static final int CHAIN_LENGTH = 12;
    static final int RANDOM_DEPENDENCIES = 60;

    private static final String[] STATUSES = {"NOT_STARTED", "IN_PROGRESS", "AT_RISK", "OFF_TRACK", "COMPLETE",
            "ON_HOLD", "CANCELLED", "UNKNOWN"};
    private static final int[] STATUS_WEIGHTS = {15, 35, 8, 4, 25, 3, 2, 8};
    private static final String[] RAGS = {"RED", "AMBER", "GREEN"};
    private static final String[] ORG_KINDS = {"LOCAL_AUTHORITY", "DIRECTORATE", "TEAM", "SERVICE", "NHS_TRUST",
            "PCN", "GP_PRACTICE", "VCS", "PROVIDER"};
    private static final String[] BOARD_KINDS = {"BOARD", "COMMITTEE", "SUB_COMMITTEE", "PARTNERSHIP", "GROUP",
            "STEERING_GROUP", "WORKING_GROUP"};
    private static final String[] STRATEGY_KINDS = {"STRATEGY", "PLAN", "ACTION_PLAN", "PROGRAMME"};
    private static final String[] ACTION_KINDS = {"ACTION_PLAN_ROW", "MINUTED_ACTION", "RECOMMENDATION",
            "WORK_PROGRAMME_ITEM", "COMMITMENT"};
    private static final LocalDate BASE = LocalDate.of(2021, 1, 1);

    private static final int CHUNK = 2000;

    final int scale;
    final Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
    final Map<String, List<Map<String, Object>>> relations = new LinkedHashMap<>();
    final List<Map<String, Object>> actions = new ArrayList<>();

    /** Ids the benchmark asks for: all in unit 0, the same at every scale. */
    String postOwnedAction;
    final List<String> postOwnedActions = new ArrayList<>();
    String chainAction;
    String personOwnedAccountableAction;
    String unitRootBoard;
    String largestStrategy;
    int largestStrategyActions;
    /** The actions of unit 0 that are not CANCELLED, which recordProgress may move to IN_PROGRESS without a commentary. */
    final List<String> unitZeroActions = new ArrayList<>();

    private SyntheticGraph(int scale) {
        this.scale = scale;
    }

    /** Builds (in memory) the graph of {@code scale} units from {@code seed}. */
    public static SyntheticGraph generate(int scale, long seed) {
        SyntheticGraph g = new SyntheticGraph(scale);
        g.node("Board", Map.of("id", "board-top", "name", "Top partnership board", "kind", "BOARD"));
        Map<String, Set<String>> strategyActions = new HashMap<>();
        for (int u = 0; u < scale; u++) {
            g.unit(u, new Random(seed * 1_000_003L + u), strategyActions);
        }
        strategyActions.entrySet().stream()
                .max((a, b) -> a.getValue().size() != b.getValue().size()
                        ? Integer.compare(a.getValue().size(), b.getValue().size()) : b.getKey().compareTo(a.getKey()))
                .ifPresent(e -> {
                    g.largestStrategy = e.getKey();
                    g.largestStrategyActions = e.getValue().size();
                });
        return g;
    }

    private void unit(int u, Random r, Map<String, Set<String>> strategyActions) {
        String p = "u" + u + "-";
        // Boards, five levels with board-top.
        String l1 = "board-" + p + "l1-0";
        node("Board", Map.of("id", l1, "name", "Unit " + u + " health and wellbeing board", "kind", "BOARD"));
        rel("REPORTS_TO", l1, "board-top", Map.of("relation", "COMMITTEE_OF"));
        List<String> boards = new ArrayList<>(List.of(l1));
        List<String> l2 = level(r, p, 2, BOARDS_L2, List.of(l1), boards);
        List<String> l3 = level(r, p, 3, BOARDS_L3, l2, boards);
        List<String> l4 = level(r, p, 4, BOARDS_L4, l3, boards);
        if (u == 0) {
            unitRootBoard = l1;
        }
        // Organisations: roots and parts, at most 3 levels.
        List<String> orgs = new ArrayList<>();
        Map<String, Integer> orgDepth = new HashMap<>();
        for (int i = 0; i < ORGS; i++) {
            String id = String.format("org-%s%03d", p, i);
            node("Organisation", named(Map.of("id", id, "name", "Organisation " + u + "/" + i,
                    "kind", ORG_KINDS[r.nextInt(ORG_KINDS.length)]), i, 4, 3, "O" + u + "/" + i));
            int depth = 0;
            if (i >= ORG_ROOTS) {
                String parent;
                do {
                    parent = orgs.get(r.nextInt(orgs.size()));
                } while (orgDepth.get(parent) >= 2);
                rel("PART_OF", id, parent, Map.of());
                depth = orgDepth.get(parent) + 1;
            }
            orgs.add(id);
            orgDepth.put(id, depth);
        }
        for (int i = 0; i < 30; i++) {
            rel("MEMBER_OF", orgs.get(r.nextInt(orgs.size())), boards.get(r.nextInt(boards.size())), Map.of());
        }
        // Posts and people.
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String id = String.format("post-%s%03d", p, i);
            node("Post", Map.of("id", id, "title", "Post " + u + "/" + i));
            // The deepest organisations make the longest accountability chains.
            rel("AT", id, orgs.get(orgs.size() - 1 - r.nextInt(orgs.size() / 2)), Map.of());
            posts.add(id);
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String id = String.format("person-%s%03d", p, i);
            node("Person", Map.of("id", id, "name", "Person " + u + "/" + i));
            rel("HOLDS", id, i < POSTS ? posts.get(i) : posts.get(r.nextInt(posts.size())), Map.of());
            people.add(id);
        }
        // Strategies, domains, priorities; skewed so the first strategies are large.
        List<String> strategies = new ArrayList<>();
        for (int i = 0; i < STRATEGIES; i++) {
            String id = String.format("strategy-%s%03d", p, i);
            node("Strategy", Map.of("id", id, "title", "Strategy " + u + "/" + i,
                    "kind", STRATEGY_KINDS[r.nextInt(STRATEGY_KINDS.length)]));
            List<String> owners = r.nextInt(3) == 0 ? List.of(l1) : l2;
            rel("OWNS", owners.get(r.nextInt(owners.size())), id, Map.of());
            strategies.add(id);
        }
        Map<String, String> strategyOf = new HashMap<>();
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < DOMAINS; i++) {
            String id = String.format("domain-%s%03d", p, i);
            String s = strategies.get(skewed(r, strategies.size()));
            node("Domain", Map.of("id", id, "number", i % 9 + 1, "title", "Domain " + u + "/" + i));
            rel("HAS_DOMAIN", s, id, Map.of());
            strategyOf.put(id, s);
            domains.add(id);
        }
        List<String> priorities = new ArrayList<>();
        for (int i = 0; i < PRIORITIES; i++) {
            String id = String.format("priority-%s%03d", p, i);
            String d = domains.get(skewed(r, domains.size()));
            node("Priority", Map.of("id", id, "number", (i % 9 + 1) + "a", "title", "Priority " + u + "/" + i));
            rel("HAS_PRIORITY", d, id, Map.of());
            strategyOf.put(id, strategyOf.get(d));
            priorities.add(id);
        }
        // Actions, each with its first progress update.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            String id = String.format("action-%s%04d", p, i);
            ids.add(id);
            Map<String, Object> a = new HashMap<>();
            a.put("id", id);
            a.put("title", "Action " + u + "/" + i + " " + ACTION_KINDS[i % ACTION_KINDS.length].toLowerCase());
            a.put("kind", ACTION_KINDS[r.nextInt(ACTION_KINDS.length)]);
            String status = weighted(r);
            a.put("status", status);
            a.put("rag", r.nextInt(10) < 4 ? RAGS[r.nextInt(3)] : null);
            LocalDate asOf = BASE.plusDays(r.nextInt(4 * 365));
            a.put("asOf", asOf);
            a.put("startDate", r.nextBoolean() ? asOf.minusDays(r.nextInt(200)) : null);
            a.put("dueDate", r.nextInt(10) < 9 ? asOf.plusDays(30 + r.nextInt(3 * 365)) : null);
            a.put("version", 0L);
            // The optional properties the seed has, so every property key the service reads exists.
            a.put("description", "Synthetic action " + i + " of unit " + u);
            a.put("statusText", r.nextInt(10) < 3 ? "As the document states it" : null);
            a.put("timescale", r.nextInt(10) < 3 ? "by March " + (2022 + r.nextInt(5)) : null);
            a.put("ownerText", r.nextInt(10) < 2 ? "The lead named in the document" : null);
            a.put("completedDate", "COMPLETE".equals(status) ? asOf : null);
            a.put("percentComplete", r.nextBoolean() ? r.nextInt(101) : null);
            a.put("weight", r.nextInt(10) == 0 ? 2.0 : null);
            a.put("leadTimeDays", r.nextInt(10) == 0 ? 30 : null);
            actions.add(a);
            if (u == 0 && !"CANCELLED".equals(status)) {
                unitZeroActions.add(id);
            }
            int owner = r.nextInt(100);
            String ownerId = null;
            if (owner < 63) {
                ownerId = orgs.get(r.nextInt(orgs.size()));
            } else if (owner < 74) {
                ownerId = people.get(r.nextInt(people.size()));
            } else if (owner < 82) {
                ownerId = boards.get(r.nextInt(boards.size()));
            } else if (owner < 88) {
                ownerId = posts.get(r.nextInt(posts.size()));
                if (u == 0) {
                    postOwnedActions.add(id);
                }
            }
            if (ownerId != null) {
                rel("OWNED_BY", id, ownerId, Map.of());
            }
            boolean accountable = r.nextInt(100) < 42;
            String board = null;
            if (accountable) {
                List<String> level = switch (r.nextInt(4)) {
                    case 0 -> l2;
                    case 1 -> l3;
                    default -> l4;
                };
                board = level.get(r.nextInt(level.size()));
                rel("ACCOUNTABLE_TO", id, board, Map.of());
            }
            if (u == 0 && personOwnedAccountableAction == null && ownerId != null && ownerId.startsWith("person-")
                    && board != null && l4.contains(board)) {
                personOwnedAccountableAction = id;
            }
            if (r.nextInt(100) < 84) {
                int kind = r.nextInt(10);
                String target = kind < 4 ? strategies.get(skewed(r, strategies.size()))
                        : kind < 8 ? domains.get(r.nextInt(domains.size())) : priorities.get(r.nextInt(priorities.size()));
                rel("DELIVERS", id, target, Map.of());
                strategyActions.computeIfAbsent(strategyOf.getOrDefault(target, target), k -> new HashSet<>()).add(id);
            }
        }
        // Dependency chains (each action depends on the one before; a diamond every third step) and random links.
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            shuffled.add(i);
        }
        java.util.Collections.shuffle(shuffled, r);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < CHAINS; c++) {
            List<String> chain = new ArrayList<>();
            for (int j = 0; j < CHAIN_LENGTH; j++) {
                chain.add(ids.get(shuffled.get(c * CHAIN_LENGTH + j)));
            }
            for (int j = 1; j < CHAIN_LENGTH; j++) {
                dependency(chain.get(j), chain.get(j - 1), seen);
                if (j >= 2 && j % 3 == 0) {
                    dependency(chain.get(j), chain.get(j - 2), seen);
                }
            }
            if (u == 0 && c == 0) {
                chainAction = chain.get(CHAIN_LENGTH / 2);
            }
        }
        // Random links: a later action (in chain order) on an earlier one, so there is no cycle.
        List<String> order = new ArrayList<>();
        for (int c = 0; c < CHAINS * CHAIN_LENGTH; c++) {
            order.add(ids.get(shuffled.get(c)));
        }
        for (int i = 0; i < RANDOM_DEPENDENCIES; i++) {
            int a = r.nextInt(order.size());
            int b = r.nextInt(order.size());
            if (a / CHAIN_LENGTH != b / CHAIN_LENGTH && a != b) {
                // Across chains: only from a higher chain to a lower one, keeping the graph acyclic.
                int from = Math.max(a, b);
                int to = Math.min(a, b);
                dependency(order.get(from), order.get(to), seen);
            }
        }
        if (u == 0) {
            postOwnedAction = postOwnedActions.getFirst();
        }
    }

    private void dependency(String from, String to, Set<String> seen) {
        if (seen.add(from + ">" + to)) {
            rel("DEPENDS_ON", from, to, Map.of());
        }
    }

    private List<String> level(Random r, String p, int level, int count, List<String> parents, List<String> all) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "board-" + p + "l" + level + "-" + i;
            node("Board", named(Map.of("id", id, "name", "Board " + p + level + "/" + i,
                    "kind", BOARD_KINDS[r.nextInt(BOARD_KINDS.length)]), i, 6, 4, "B" + p + level + "/" + i));
            rel("REPORTS_TO", id, parents.get(i < parents.size() ? i : r.nextInt(parents.size())),
                    Map.of("relation", "SUB_GROUP_OF"));
            ids.add(id);
        }
        all.addAll(ids);
        return ids;
    }

    private static int skewed(Random r, int n) {
        double x = r.nextDouble();
        return (int) (n * x * x * x);
    }

    private static String weighted(Random r) {
        int x = r.nextInt(100);
        for (int i = 0; i < STATUSES.length; i++) {
            x -= STATUS_WEIGHTS[i];
            if (x < 0) {
                return STATUSES[i];
            }
        }
        return "UNKNOWN";
    }

    /**
     * {@code props} with a {@code shortName} on every {@code shortEvery}-th node and {@code aliases}
     * on every {@code aliasEvery}-th, about as often as the seed's boards (19 and 28 of 111) and
     * organisations (57 and 79 of 237) have them; from the index, so the random stream is untouched.
     */
    private static Map<String, Object> named(Map<String, Object> props, int index, int shortEvery, int aliasEvery,
            String shortName) {
        Map<String, Object> named = new HashMap<>(props);
        if (index % shortEvery == 1) {
            named.put("shortName", shortName);
        }
        if (index % aliasEvery == 2) {
            named.put("aliases", List.of(shortName + " partnership", "The " + shortName));
        }
        return named;
    }

    private void node(String label, Map<String, Object> props) {
        nodes.computeIfAbsent(label, k -> new ArrayList<>()).add(props);
    }

    private void rel(String type, String from, String to, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>();
        row.put("from", from);
        row.put("to", to);
        row.put("props", props);
        relations.computeIfAbsent(type, k -> new ArrayList<>()).add(row);
    }

    /** Counts of nodes and relationships written. */
    long nodeCount() {
        return nodes.values().stream().mapToLong(List::size).sum() + 2L * actions.size();
    }

    long relationshipCount() {
        return relations.values().stream().mapToLong(List::size).sum() + actions.size();
    }

    /**
     * Writes the graph with batched {@code UNWIND} statements of {@value #CHUNK} rows, one
     * transaction each; needs the {@code Node.id} uniqueness constraint (the service creates it).
     */
    void load(Driver driver) {
        try (Session session = driver.session()) {
            nodes.forEach((label, rows) -> chunks(rows).forEach(chunk -> session.executeWriteWithoutResult(tx -> tx.run(
                    "UNWIND $rows AS row CREATE (n:Node:" + label + ") SET n = row", Map.of("rows", chunk)).consume())));
            chunks(actions).forEach(chunk -> session.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $rows AS row
                    CREATE (a:Node:Action) SET a = row
                    CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: row.id + '-as-stated', date: row.asOf,
                        status: row.status, statusText: row.statusText, rag: row.rag, percentComplete: row.percentComplete,
                        seq: 0, author: 'seed-data',
                        note: 'Status as the source document states it'})
                    """, Map.of("rows", chunk)).consume()));
            relations.forEach((type, rows) -> chunks(rows).forEach(chunk -> session.executeWriteWithoutResult(tx -> tx.run(
                    "UNWIND $rows AS row MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to}) "
                            + "CREATE (a)-[r:" + type + "]->(b) SET r = row.props", Map.of("rows", chunk)).consume())));
            session.run("CALL db.awaitIndexes(300)").consume();
            // As on a database in service: index statistics sampled, no plan cached from the empty graph.
            session.run("CALL db.resampleOutdatedIndexes()").consume();
            session.run("CALL db.awaitIndexes(300)").consume();
            session.run("CALL db.clearQueryCaches()").consume();
        }
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return chunks;
    }
}
