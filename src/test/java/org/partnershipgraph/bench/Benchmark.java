package org.partnershipgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ProfiledPlan;
import org.partnershipgraph.PartnershipGraphApplication;
import org.partnershipgraph.accountability.AccountabilityBenchCypher;
import org.partnershipgraph.action.ActionBenchCypher;
import org.partnershipgraph.audit.AuditBenchCypher;
import org.partnershipgraph.board.BoardBenchCypher;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.partnershipgraph.organisation.OrganisationBenchCypher;
import org.partnershipgraph.progress.ProgressBenchCypher;
import org.partnershipgraph.search.SearchBenchCypher;
import org.partnershipgraph.strategy.StrategyBenchCypher;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark of one scale: starts the service in this JVM (its own embedded Neo4j, a fresh data
 * directory, no seed), loads the synthetic graph, then for each query measures (a) the service over
 * HTTP/GraphQL and (b) the floor, the same Cypher constants through a raw driver on the same
 * database, at concurrency 1 (p50, p99) and 16 (throughput). Writes {@code scale-N.tsv}.
 *
 * <p>Arguments: {@code --scale N --out DIR [--seed S] [--warmup-seconds 120] [--warmup 500]
 * [--iterations 500] [--seconds 5] [--only q1,q2] [--service-args --k=v]... [--breakdown true]
 * [--commit C] [--block B]} (a service argument, one per {@code --service-args}, replaces the
 * harness's own of the same name); with
 * {@code --breakdown true} it measures {@link Breakdown} instead of the queries; with {@code --growth 1,100}
 * (instead of {@code --scale}) it measures {@link Growth}.
 */
public final class Benchmark {

    private static final String JWT_ISSUER = "https://idp.example.org/bench";
    private static final String JWT_AUDIENCE = "partnership-graph";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "AT_RISK", "OFF_TRACK",
            "COMPLETE", "ON_HOLD", "CANCELLED", "UNKNOWN");
    private static final String OWNER_FIELDS = "owner { __typename ... on Post { id title } ... on Organisation { id name } "
            + "... on Person { id name } ... on Board { id name } }";
    /** The accountabilityChain query of the benchmark (and of {@link Breakdown}). */
    static final String CHAIN_QUERY = "query($id: ID!) { accountabilityChain(actionId: $id) { owned message paths { "
            + "links { relationship relation node { __typename ... on Action { id } ... on Post { id } "
            + "... on Person { id } ... on Organisation { id } ... on Board { id } } } "
            + "top { __typename ... on Board { id name } ... on Organisation { id name } } } } }";
    /** Longest a c=1 phase runs before it stops early (slow queries at 100x). */
    private static final long PHASE_CAP_NANOS = Duration.ofSeconds(12).toNanos();
    /** Least time each query warms up (untimed) before its timed calls. */
    private static final long QUERY_WARMUP_NANOS = Duration.ofSeconds(4).toNanos();
    /** Most consecutive calls of one operation in a timed round (see {@link #alternate}). */
    private static final int MAX_BLOCK = 10;
    /** About how long one round of blocks may take: slower operations get smaller blocks, down to one call. */
    private static final long BLOCK_NANOS = Duration.ofMillis(100).toNanos();
    /** Above this c=1 p50, throughput at c=16 is not measured (16 such queries on 2 cores take minutes). */
    private static final double C16_MAX_P50_MS = 1000;
    private static final int CONCURRENCY = 16;

    @FunctionalInterface
    interface Op {
        void run(int worker, int iteration) throws Exception;
    }

    /** One floor statement: its Cypher and parameters (the parameters may come from earlier results). */
    record Statement(String name, String cypher, Map<String, Object> params) {
    }

    /** One benchmarked question: the GraphQL request and the floor's statements. */
    record Query(String name, Op service, Op floor, Runnable profile) {
    }

    record Stats(double p50, double p99, int n, double throughput) {
    }

    private final int scale;
    private final Path out;
    private final long seed;
    private final int warmup;
    final int iterations;
    final int warmupSeconds;
    private final int seconds;

    ConfigurableApplicationContext context;
    Driver driver;
    /** The embedded Neo4j's data directory, deleted at the end. */
    private Path data;
    /** The graph's size and load times, as {@code scale-N.load} holds them. */
    private String loaded;
    URL endpoint;
    /** One keep-alive connection per worker: worker 0 for the concurrency-1 phases, 0-15 at concurrency 16. */
    private final KeepAliveHttpClient[] clients = new KeepAliveHttpClient[CONCURRENCY];
    SyntheticGraph graph;
    private final Map<String, Long> dbHits = new HashMap<>();
    private final Map<String, String> profileDetail = new HashMap<>();
    private final StringBuilder log = new StringBuilder();
    private final Set<String> only;
    private final boolean breakdown;
    /** The commit the harness and the service were built from, as {@code bench/run} passes it. */
    final String commit;
    /** Consecutive calls of one operation in the timed rounds, when {@code --block} fixes it; 0: {@link #MAX_BLOCK} or fewer. */
    private final int fixedBlock;
    /** The block the last {@link #alternate} phase used. */
    int lastBlock;
    /** When measuring started, once the graph was loaded: local date and time to the minute. */
    String measuredFrom;
    private final List<String> extraServiceArgs;
    private String bearerToken;

    /** The db hits PROFILE counted for query {@code name}'s floor, once its profile has run. */
    long dbHits(String name) {
        return dbHits.get(name);
    }

    Benchmark(Map<String, String> args) {
        this.scale = Integer.parseInt(args.getOrDefault("scale", "1"));
        this.out = Path.of(args.getOrDefault("out", "bench/results"));
        this.seed = Long.parseLong(args.getOrDefault("seed", "7"));
        this.warmup = Integer.parseInt(args.getOrDefault("warmup", "500"));
        this.iterations = Integer.parseInt(args.getOrDefault("iterations", "500"));
        this.warmupSeconds = Integer.parseInt(args.getOrDefault("warmup-seconds", "120"));
        this.seconds = Integer.parseInt(args.getOrDefault("seconds", "5"));
        this.extraServiceArgs = args.containsKey("service-args")
                ? Arrays.stream(args.get("service-args").split(" ")).filter(a -> !a.isBlank()).toList() : List.of();
        this.only = args.containsKey("only") ? Set.of(args.get("only").split(",")) : null;
        this.breakdown = Boolean.parseBoolean(args.getOrDefault("breakdown", "false"));
        this.commit = args.getOrDefault("commit", "unknown");
        this.fixedBlock = Integer.parseInt(args.getOrDefault("block", "0"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            String key = argv[i].replaceFirst("^--", "");
            if (key.equals("service-args")) {
                args.merge(key, argv[i + 1], (a, b) -> a + " " + b);
            } else {
                args.put(key, argv[i + 1]);
            }
        }
        if (args.containsKey("growth")) {
            Growth.run(args);
            System.exit(0);
        }
        Benchmark bench = new Benchmark(args);
        try {
            bench.run();
        } finally {
            bench.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        start();
        if (breakdown) {
            String table = new Breakdown(this).run();
            Files.writeString(out.resolve("breakdown-" + scale + ".md"), "Measured from " + measuredFrom + " (after the load), commit `"
                    + commit + "`.\n\n" + table);
            deleteData();
            return;
        }
        List<Query> queries = queries().stream().filter(q -> only == null || only.contains(q.name())).toList();
        List<String> rows = new ArrayList<>();
        rows.add(String.join("\t", "scale", "query", "svc_p50_ms", "svc_p99_ms", "svc_n", "svc_tput", "floor_p50_ms",
                "floor_p99_ms", "floor_n", "floor_tput", "ratio_p50", "ratio_tput", "svc_statements", "floor_statements",
                "db_hits", "db_hits_detail"));
        warmUp(queries);
        for (Query q : queries) {
            q.profile().run();
            int serviceStatements = statementsOf(q.service());
            Stats[] pair = alternate(List.of(q.service(), q.floor()), false);
            Stats s1 = pair[0];
            Stats f1 = pair[1];
            double st = s1.p50() <= C16_MAX_P50_MS ? throughput(q.service()) : Double.NaN;
            double ft = f1.p50() <= C16_MAX_P50_MS ? throughput(q.floor()) : Double.NaN;
            int floorStatements = profileDetail.get(q.name()).split(" \\+ ").length;
            String row = String.join("\t", String.valueOf(scale), q.name(), f(s1.p50()), f(s1.p99()), String.valueOf(s1.n()),
                    f(st), f(f1.p50()), f(f1.p99()), String.valueOf(f1.n()), f(ft), f(s1.p50() / f1.p50()), f(st / ft),
                    String.valueOf(serviceStatements), String.valueOf(floorStatements), String.valueOf(dbHits.get(q.name())),
                    profileDetail.get(q.name()));
            rows.add(row);
            say("%-20s service p50 %8s p99 %8s tput %8s | floor p50 %8s p99 %8s tput %8s | ratio %s | statements %d vs %d | db hits %s | block %d",
                    q.name(), f(s1.p50()), f(s1.p99()), f(st), f(f1.p50()), f(f1.p99()), f(ft), f(s1.p50() / f1.p50()),
                    serviceStatements, floorStatements, profileDetail.get(q.name()), lastBlock);
        }
        say("load average at the end: %s", loadAverage());
        Files.write(out.resolve("scale-" + scale + ".tsv"), rows, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("scale-" + scale + ".load"), loaded);
        Files.writeString(out.resolve("scale-" + scale + ".log"), log.toString());
        deleteData();
    }

    /**
     * Starts the service on a fresh embedded Neo4j (a new temp directory), opens the floor's driver
     * on the same server and loads the synthetic graph of this scale.
     */
    void start() throws Exception {
        Files.createDirectories(out);
        data = Files.createTempDirectory("partnership-bench-" + scale + "x-");
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(PartnershipGraphApplication.class);
        KeyPair keys = rsaKeys();
        bearerToken = token(keys);
        List<String> serviceArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--partnership.security.mode=JWT",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyFile(keys, data),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + JWT_AUDIENCE,
                "--partnership.security.jwt.issuer=" + JWT_ISSUER,
                "--partnership.seed.mode=NEVER",
                "--partnership.neo4j.embedded.data-directory=" + data,
                "--partnership.neo4j.embedded.page-cache=1GB",
                "--partnership.neo4j.embedded.transaction-max-size=1GB",
                "--partnership.neo4j.embedded.transaction-total-max=2GB",
                "--partnership.neo4j.embedded.transaction-timeout=600s",
                "--partnership.neo4j.transaction-timeout=600s",
                "--spring.neo4j.pool.max-connection-pool-size=64",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.partnershipgraph.bench=INFO"));
        for (String extra : extraServiceArgs) {
            String key = extra.contains("=") ? extra.substring(0, extra.indexOf('=') + 1) : extra;
            serviceArgs.removeIf(a -> a.startsWith(key));
            serviceArgs.add(extra);
        }
        context = app.run(serviceArgs.toArray(String[]::new));
        String port = context.getEnvironment().getProperty("local.server.port");
        endpoint = URI.create("http://127.0.0.1:" + port + "/graphql").toURL();
        for (int w = 0; w < CONCURRENCY; w++) {
            clients[w] = new KeepAliveHttpClient(endpoint.getHost(), endpoint.getPort(), endpoint.getPath());
        }
        EmbeddedNeo4jServer server = context.getBean(EmbeddedNeo4jServer.class);
        URI bolt = server.boltUri();
        say("service started in %.1f s on port %s; Neo4j Bolt at %s", (System.nanoTime() - t0) / 1e9, port, bolt);
        // The floor's driver logs as the service's does (SLF4J: no debug message formatted unless logged)
        // and, as the service's, asks for no notices of names the database lacks.
        driver = GraphDatabase.driver(bolt, server.authToken(), Config.builder().withMaxConnectionPoolSize(64).withoutEncryption()
                .withLogging(Logging.slf4j())
                .withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED)).build());
        driver.verifyConnectivity();

        long g0 = System.nanoTime();
        graph = SyntheticGraph.generate(scale, seed);
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        long l0 = System.nanoTime();
        graph.load(driver);
        double loadSeconds = (System.nanoTime() - l0) / 1e9;
        long actions = count("MATCH (a:Action) RETURN count(a)");
        long nodes = count("MATCH (n) RETURN count(n)");
        long rels = count("MATCH ()-[r]->() RETURN count(r)");
        say("scale %dx: %d nodes, %d relationships, %d actions; generated in %.1f s, loaded in %.1f s",
                scale, nodes, rels, actions, generateSeconds, loadSeconds);
        say("targets: action %s, chain action %s, accountability %s, largest strategy %s (%d actions), portal under %s",
                graph.postOwnedAction, graph.chainAction, graph.personOwnedAccountableAction, graph.largestStrategy,
                graph.largestStrategyActions, graph.unitRootBoard);
        measuredFrom = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        loaded = String.format(Locale.ROOT,
                "scale=%d%nnodes=%d%nrelationships=%d%nactions=%d%ngenerate_s=%.1f%nload_s=%.1f%nlargest_strategy=%s%nlargest_strategy_actions=%d%n"
                        + "measured=%s%ncommit=%s%n",
                scale, nodes, rels, actions, generateSeconds, loadSeconds, graph.largestStrategy, graph.largestStrategyActions,
                measuredFrom, commit);
        say("load average before measuring: %s", loadAverage());
    }

    /** Calls per block where the operations take about as long as one another: {@code --block}'s, else {@link #MAX_BLOCK}. */
    int block() {
        return fixedBlock > 0 ? fixedBlock : MAX_BLOCK;
    }

    /** How the timed calls ran, as the result tables say it: the blocks at concurrency 1 (see {@link #alternate}). */
    String blocks() {
        return fixedBlock > 0 ? "blocks of " + fixedBlock + " consecutive calls" : "blocks of up to " + MAX_BLOCK + " consecutive calls";
    }

    /** Stops the service and deletes its data directory. */
    void deleteData() throws IOException {
        if (context != null) {
            context.close();
            context = null;
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            data = null;
        }
    }

    /** Every benchmarked question of this scale's graph, in the order of the tables. */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        List<String> pointIds = graph.postOwnedActions;

        // 0. The fixed cost of a request: no field reaches the database; the floor is one trivial statement.
        queries.add(new Query("requestOverhead", (w, i) -> graphQl(w, "{ __typename }", Map.of(), null),
                (w, i) -> statements(List.of(new Statement("RETURN_1", "RETURN 1 AS one", Map.of())), null),
                () -> profile("requestOverhead",
                        tx -> statements(List.of(new Statement("RETURN_1", "RETURN 1 AS one", Map.of())), tx))));

        // 1. One action with its owner (a post) and the post's organisation.
        String actionQuery = "query($id: ID!) { action(id: $id) { id title status dueDate owner { __typename "
                + "... on Post { id title organisation { id name } } ... on Organisation { id name } "
                + "... on Person { id name } ... on Board { id name } } } }";
        queries.add(new Query("action", (w, i) -> graphQl(w, actionQuery, Map.of("id", pick(pointIds, w, i)), null),
                (w, i) -> actionFloor(pick(pointIds, w, i), null),
                () -> profile("action", tx -> actionFloor(pointIds.getFirst(), tx))));

        // 2. A page of 50 filtered actions with owners.
        String pageQuery = "{ actions(first: 50, filter: {status: [IN_PROGRESS, AT_RISK]}, orderBy: {field: DUE_DATE}) { "
                + "totalCount edges { node { id title status dueDate " + OWNER_FIELDS + " } } } }";
        queries.add(new Query("actionsPage", (w, i) -> graphQl(w, pageQuery, Map.of(), null), (w, i) -> pageFloor(null),
                () -> profile("actionsPage", this::pageFloor)));

        // 3, 4. Progress of the largest strategy and of the top board.
        String progressQuery = "query($id: ID!) { progress(scope: {id: $id}) { total complete percentComplete "
                + "weightedPercentComplete overdue stale byStatus { status count } byRag { rag count derived } "
                + "children { total complete percentComplete overdue stale } } }";
        for (String[] scope : new String[][] {{"progressStrategy", graph.largestStrategy}, {"progressTopBoard", "board-top"}}) {
            queries.add(new Query(scope[0], (w, i) -> graphQl(w, progressQuery, Map.of("id", scope[1]), null),
                    (w, i) -> progressFloor(scope[1], null), () -> profile(scope[0], tx -> progressFloor(scope[1], tx))));
        }

        // 5. Upstream and downstream, depth 5, of an action in the middle of a 12-long chain.
        String closure = "{ depth cut actions { distance action { id title status } } }";
        String depsQuery = "query($id: ID!) { action(id: $id) { id upstream(depth: 5) " + closure + " downstream(depth: 5) "
                + closure + " } }";
        queries.add(new Query("upDownstream5", (w, i) -> graphQl(w, depsQuery, Map.of("id", graph.chainAction), null),
                (w, i) -> dependencyFloor(graph.chainAction, null),
                () -> profile("upDownstream5", tx -> dependencyFloor(graph.chainAction, tx))));

        // 6. The accountability chain of a person-owned action accountable to a level-4 board.
        String chainId = graph.personOwnedAccountableAction;
        queries.add(new Query("accountabilityChain", (w, i) -> graphQl(w, CHAIN_QUERY, Map.of("id", chainId), null),
                (w, i) -> statements(List.of(new Statement("CHAIN", AccountabilityBenchCypher.CHAIN, Map.of("id", chainId))), null),
                () -> profile("accountabilityChain",
                        tx -> statements(List.of(new Statement("CHAIN", AccountabilityBenchCypher.CHAIN, Map.of("id", chainId))), tx))));

        // 7. The portal: boards, strategies, domains, actions, owners.
        String portalQuery = "query($board: ID!) { boards(first: 5, filter: {reportsTo: $board}) { edges { node { id name "
                + "strategies { id title domains { id title actions { id title status dueDate " + OWNER_FIELDS
                + " } } } } } } }";
        queries.add(new Query("portalNested", (w, i) -> graphQl(w, portalQuery, Map.of("board", graph.unitRootBoard), null),
                (w, i) -> portalFloor(null), () -> profile("portalNested", this::portalFloor)));

        // 8. recordProgress, as admin; each worker writes its own actions, versions tracked.
        List<String> pool = graph.unitZeroActions;
        AtomicLongArray versions = new AtomicLongArray(pool.size());
        String mutation = "mutation($in: RecordProgressInput!) { recordProgress(input: $in) { action { id version status } "
                + "update { date status percentComplete } } }";
        queries.add(new Query("recordProgress", (w, i) -> {
            int k = slot(pool.size(), w, i);
            Map<String, Object> in = Map.of("actionId", pool.get(k), "expectedVersion", versions.get(k),
                    "status", "IN_PROGRESS", "percentComplete", i % 100);
            graphQl(w, mutation, Map.of("in", in), bearerToken);
            versions.incrementAndGet(k);
        }, (w, i) -> {
            int k = slot(pool.size(), w, i);
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> recordFloor(pool.get(k), versions.get(k), i % 100, tx));
            }
            versions.incrementAndGet(k);
        }, () -> profile("recordProgress", tx -> {
            recordFloor(pool.get(pool.size() - 1), versions.get(pool.size() - 1), 50, tx);
            return null;
        })));

        // 9. Full-text search, a page of 20 (not in issue 7's list): a board's name, about one board per
        // unit, and a word every action's title holds, whose count reads every action's entry.
        String searchQuery = "query($text: String!) { search(text: $text, first: 20) { totalCount edges { node { score "
                + "entity { __typename ... on Action { id title } ... on Board { id name } ... on Organisation { id name } "
                + "... on Strategy { id title } ... on Person { id name } } } } } }";
        for (String[] search : new String[][] {{"searchName", "wellbeing board"}, {"searchCommonWord", "action"}}) {
            Map<String, Object> params = new HashMap<>();
            params.put("query", SearchBenchCypher.luceneQuery(search[1]));
            params.put("labels", null);
            params.put("offset", 0);
            params.put("limit", 20);
            List<Statement> floor = List.of(new Statement("SEARCH", SearchBenchCypher.SEARCH, params));
            queries.add(new Query(search[0], (w, i) -> graphQl(w, searchQuery, Map.of("text", search[1]), null),
                    (w, i) -> statements(floor, null), () -> profile(search[0], tx -> statements(floor, tx))));
        }
        return queries;
    }

    // ---- floors: the service's statements, in order, with the same parameters ----

    private Object actionFloor(String id, SimpleQueryRunner profileTx) {
        List<Record> a = run(new Statement("ACTION", ActionBenchCypher.ACTION, Map.of("id", id)), profileTx);
        List<Record> owner = run(new Statement("OWNER", ActionBenchCypher.OWNER, Map.of("ids", List.of(id))), profileTx);
        Value o = owner.getFirst().get("items").get(0);
        if (o.asNode().hasLabel("Post")) {
            run(new Statement("POST_ORGANISATION", OrganisationBenchCypher.POST_ORGANISATION,
                    Map.of("ids", List.of(o.get("id").asString()))), profileTx);
        }
        return a;
    }

    private Object pageFloor(SimpleQueryRunner profileTx) {
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", List.of("IN_PROGRESS", "AT_RISK"));
        for (String k : List.of("rags", "dueBefore", "title", "owner", "board", "strategy")) {
            params.put(k, null);
        }
        params.put("offset", 0);
        params.put("limit", 50);
        params.put("sortField", "DUE_DATE");
        params.put("descending", false);
        List<Record> page = run(new Statement("ACTIONS", ActionBenchCypher.ACTIONS, params), profileTx);
        List<String> ids = page.getFirst().get("items").asList(v -> v.get("id").asString());
        return run(new Statement("OWNER", ActionBenchCypher.OWNER, Map.of("ids", ids)), profileTx);
    }

    private Object progressFloor(String id, SimpleQueryRunner profileTx) {
        LocalDate asOf = LocalDate.now();
        return run(new Statement("ROLL_UP", ProgressBenchCypher.ROLL_UP, Map.of("id", id, "asOf", asOf,
                "staleBefore", asOf.minusMonths(3), "statuses", STATUSES)), profileTx);
    }

    private Object dependencyFloor(String id, SimpleQueryRunner profileTx) {
        List<Map<String, Object>> keys = List.of(Map.of("id", id, "depth", 5));
        run(new Statement("ACTION", ActionBenchCypher.ACTION, Map.of("id", id)), profileTx);
        run(new Statement("UPSTREAM", ActionBenchCypher.UPSTREAM, Map.of("keys", keys)), profileTx);
        return run(new Statement("DOWNSTREAM", ActionBenchCypher.DOWNSTREAM, Map.of("keys", keys)), profileTx);
    }

    private Object portalFloor(SimpleQueryRunner profileTx) {
        Map<String, Object> params = new HashMap<>();
        params.put("kinds", null);
        params.put("name", null);
        params.put("reportsTo", graph.unitRootBoard);
        params.put("offset", 0);
        params.put("limit", 5);
        params.put("sortField", "NAME");
        params.put("descending", false);
        List<Record> boards = run(new Statement("BOARDS", BoardBenchCypher.BOARDS, params), profileTx);
        List<String> boardIds = boards.getFirst().get("items").asList(v -> v.get("id").asString());
        List<String> strategyIds = ids(run(new Statement("STRATEGIES", BoardBenchCypher.STRATEGIES, Map.of("ids", boardIds)), profileTx));
        List<String> domainIds = ids(run(new Statement("DOMAINS", StrategyBenchCypher.DOMAINS, Map.of("ids", strategyIds)), profileTx));
        List<String> actionIds = ids(run(new Statement("ACTIONS", StrategyBenchCypher.ACTIONS, Map.of("ids", domainIds)), profileTx));
        return run(new Statement("OWNER", ActionBenchCypher.OWNER, Map.of("ids", actionIds)), profileTx);
    }

    /**
     * The statements of recordProgress in one write transaction: the lock, the context (which
     * reads the node the entity is mapped from), the versioned save (Spring Data Neo4j writes its
     * own Cypher for it; the equivalent here writes the same properties), the update, the history
     * entry, the reload.
     */
    private Object recordFloor(String id, long version, int percent, SimpleQueryRunner tx) {
        LocalDate today = LocalDate.now();
        run(new Statement("LOCK", ActionBenchCypher.LOCK, Map.of("ids", List.of(id))), tx);
        run(new Statement("CONTEXT", ActionBenchCypher.CONTEXT, Map.of("id", id)), tx);
        Map<String, Object> save = new HashMap<>();
        save.put("id", id);
        save.put("version", version);
        save.put("status", "IN_PROGRESS");
        save.put("rag", null);
        save.put("percent", percent);
        save.put("asOf", today);
        List<Record> saved = run(new Statement("SAVE(sdn-equiv)", """
                MATCH (a:Action {id: $id}) WHERE a.version = $version
                SET a.status = $status, a.statusText = null, a.rag = $rag, a.percentComplete = $percent,
                    a.completedDate = null, a.asOf = $asOf, a.version = a.version + 1
                RETURN a
                """, save), tx);
        if (saved.isEmpty()) {
            throw new IllegalStateException("floor version conflict on " + id);
        }
        Map<String, Object> update = new HashMap<>();
        update.put("id", id);
        update.put("updateId", "update-" + UUID.randomUUID());
        update.put("date", today);
        update.put("status", "IN_PROGRESS");
        update.put("rag", null);
        update.put("percent", percent);
        update.put("note", null);
        update.put("author", "admin");
        update.put("completedDate", null);
        run(new Statement("ADD_UPDATE", ActionBenchCypher.ADD_UPDATE, update), tx);
        Map<String, Object> history = new HashMap<>();
        history.put("id", "history-" + UUID.randomUUID());
        history.put("entityId", id);
        history.put("operation", "recordProgress");
        history.put("user", "admin");
        history.put("role", "ADMIN");
        history.put("changes", "[{\"field\":\"percentComplete\",\"before\":null,\"after\":" + percent + "}]");
        history.put("reason", null);
        run(new Statement("APPEND", AuditBenchCypher.APPEND, history), tx);
        return run(new Statement("ACTION", ActionBenchCypher.ACTION, Map.of("id", id)), tx);
    }

    private Object statements(List<Statement> statements, SimpleQueryRunner profileTx) {
        Object last = null;
        for (Statement s : statements) {
            last = run(s, profileTx);
        }
        return last;
    }

    // ---- running statements: each in its own read transaction, or PROFILEd in a given one ----

    private final ThreadLocal<StringBuilder> profiling = new ThreadLocal<>();
    private final ThreadLocal<long[]> profiledHits = new ThreadLocal<>();

    private List<Record> run(Statement s, SimpleQueryRunner tx) {
        if (tx != null && profiling.get() != null) {
            var result = tx.run("PROFILE " + s.cypher(), s.params());
            List<Record> records = result.list();
            long hits = hits(result.consume().profile());
            profiledHits.get()[0] += hits;
            StringBuilder detail = profiling.get();
            detail.append(detail.isEmpty() ? "" : " + ").append(s.name()).append(':').append(hits);
            return records;
        }
        if (tx != null) {
            return tx.run(s.cypher(), s.params()).list();
        }
        try (Session session = driver.session()) {
            return session.executeRead(t -> t.run(s.cypher(), s.params()).list());
        }
    }

    /** Runs a floor once with PROFILE on every statement, in a transaction rolled back afterwards. */
    private void profile(String name, java.util.function.Function<SimpleQueryRunner, Object> floor) {
        profiling.set(new StringBuilder());
        profiledHits.set(new long[1]);
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            floor.apply(tx);
            tx.rollback();
        } finally {
            dbHits.put(name, profiledHits.get()[0]);
            profileDetail.put(name, profiling.get().toString());
            profiling.remove();
            profiledHits.remove();
        }
    }

    private static long hits(ProfiledPlan plan) {
        long sum = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            sum += hits(child);
        }
        return sum;
    }

    private static List<String> ids(List<Record> rows) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Record r : rows) {
            for (Value v : r.get("items").values()) {
                ids.add(v.get("id").asString());
            }
        }
        return List.copyOf(ids);
    }

    // ---- the service side ----

    /**
     * One GraphQL request over HTTP/1.1 on worker {@code worker}'s own keep-alive connection
     * ({@link KeepAliveHttpClient}: one write per request, the response read on the calling thread,
     * as {@code wrk} does), so the client's own cost does not depend on a JDK client's internals. In
     * this JVM {@code HttpURLConnection} costs about the same; from a client in another JVM on this
     * machine it added about 1.4 ms to every request, and {@code java.net.http.HttpClient} hands each
     * request to its selector thread and back ({@code bench/run breakdown} measures all three).
     */
    String graphQl(int worker, String query, Map<String, Object> variables, String bearer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        KeepAliveHttpClient.Response response = clients[worker].post(body, bearer);
        String text = response.body();
        if (response.status() != 200 || text.startsWith("{\"errors\"") || text.contains("\"errors\":[")) {
            throw new IllegalStateException("GraphQL request failed (" + response.status() + "): "
                    + text.substring(0, Math.min(600, text.length())));
        }
        return text;
    }

    /** The Cypher statements one service request runs, counted from Spring Data Neo4j's statement log. */
    private int statementsOf(Op service) throws Exception {
        Logger cypherLog = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level previous = cypherLog.getLevel();
        cypherLog.setLevel(Level.DEBUG);
        boolean additive = cypherLog.isAdditive();
        cypherLog.setAdditive(false);
        appender.start();
        cypherLog.addAppender(appender);
        try {
            service.run(0, 0);
        } finally {
            cypherLog.detachAppender(appender);
            cypherLog.setLevel(previous);
            cypherLog.setAdditive(additive);
        }
        return (int) appender.list.stream().filter(e -> e.getFormattedMessage().contains("Executing")).count();
    }

    // ---- measuring ----

    /**
     * Warms the JIT over the code every query shares (HTTP, GraphQL, security, driver): the
     * queries round-robin, service and floor, for {@code warmup-seconds}; a query still slower than
     * 250 ms at its third call drops out (the slow roll-ups at 100x).
     */
    void warmUp(List<Query> queries) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        List<Query> cheap = new ArrayList<>(queries);
        int i = 1;
        long calls = 0;
        while (System.nanoTime() < end && !cheap.isEmpty()) {
            for (java.util.Iterator<Query> it = cheap.iterator(); it.hasNext();) {
                Query q = it.next();
                long t = System.nanoTime();
                q.service().run(0, i);
                q.floor().run(0, i);
                calls += 2;
                if (i >= 3 && System.nanoTime() - t > 250_000_000L) {
                    it.remove();
                }
            }
            i++;
        }
        say("warm-up: %d calls in %d s", calls, warmupSeconds);
    }

    /**
     * Concurrency 1, the operations in turn, so drift and background noise hit all alike: at least
     * {@code warmup} untimed rounds (call by call) and {@link #QUERY_WARMUP_NANOS}, then timed rounds
     * until each operation has {@code iterations} samples; either phase stops early at
     * {@link #PHASE_CAP_NANOS}. In a timed round each operation runs a block of consecutive calls,
     * as in a plain loop: {@link #MAX_BLOCK} calls, fewer when a round would take more than
     * {@link #BLOCK_NANOS} at the untimed rounds' pace (one for the slowest), or {@code --block}'s.
     * Call by call, each call runs right after another operation's: what that one leaves running
     * after it has answered (the service closing its request after the response is sent), and its
     * use of the caches and cores, land on it, which slowed the floor most. With {@code shuffle},
     * each timed round runs the blocks in a new order (from a fixed seed), so that each operation
     * follows each other about equally often: a call right after a call of the same code path is
     * quicker. One {@link Stats} per operation, in the order given.
     */
    Stats[] alternate(List<Op> ops, boolean shuffle) throws Exception {
        long started = System.nanoTime();
        long capEnd = started + PHASE_CAP_NANOS;
        int i = 1;
        for (; i <= 3 || ((i <= warmup || System.nanoTime() - started < QUERY_WARMUP_NANOS) && System.nanoTime() < capEnd); i++) {
            for (Op op : ops) {
                op.run(0, i);
            }
        }
        int block = fixedBlock > 0 ? fixedBlock
                : (int) Math.max(1, Math.min(MAX_BLOCK, BLOCK_NANOS / Math.max(1, (System.nanoTime() - started) / (i - 1))));
        lastBlock = block;
        return timedBlocks(ops, block, iterations, i, shuffle ? new Random(seed) : null, System.nanoTime() + PHASE_CAP_NANOS);
    }

    /**
     * Timed rounds at concurrency 1 until each operation has {@code wanted} samples (or, past
     * {@code capEnd}, at least 5): in each round every operation runs {@code block} consecutive
     * calls, the operations in a new order each round when {@code shuffle} is given. Call numbers
     * count on from {@code firstIteration}. One {@link Stats} per operation, in the order given.
     */
    static Stats[] timedBlocks(List<Op> ops, int block, int wanted, int firstIteration, Random shuffle, long capEnd)
            throws Exception {
        long[][] samples = new long[ops.size()][wanted + block];
        List<Integer> order = new ArrayList<>(IntStream.range(0, ops.size()).boxed().toList());
        int i = firstIteration;
        int n = 0;
        while (n < wanted && (n < 5 || System.nanoTime() < capEnd)) {
            if (shuffle != null) {
                Collections.shuffle(order, shuffle);
            }
            for (int k : order) {
                for (int b = 0; b < block; b++) {
                    long t = System.nanoTime();
                    ops.get(k).run(0, i + b);
                    samples[k][n + b] = System.nanoTime() - t;
                }
            }
            i += block;
            n += block;
        }
        Stats[] stats = new Stats[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            stats[k] = stats(samples[k], n);
        }
        return stats;
    }

    private static KeyPair rsaKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** An ADMIN bearer token signed with {@code keys}, valid for a day: the service runs in JWT mode, as in production. */
    private static String token(KeyPair keys) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("bench-admin").issuer(JWT_ISSUER).audience(JWT_AUDIENCE)
                .claim("roles", List.of("ADMIN"))
                .issueTime(new Date()).expirationTime(Date.from(java.time.Instant.now().plus(Duration.ofDays(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static String publicKeyFile(KeyPair keys, Path dir) throws IOException {
        Path file = dir.resolve("bench-jwt-public.pem");
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded());
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        return file.toUri().toString();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static Stats stats(long[] samples, int n) {
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new Stats(percentile(sorted, 0.50), percentile(sorted, 0.99), n, Double.NaN);
    }

    /** Operations per second at concurrency 16 over {@code seconds}, after one second of warm-up at that concurrency. */
    private double throughput(Op op) throws InterruptedException {
        window(op, 1);
        return window(op, seconds);
    }

    private double window(Op op, int windowSeconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(windowSeconds).toNanos();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            int worker = w;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = 1_000 + worker;
                while (System.nanoTime() < end) {
                    try {
                        op.run(worker, i++);
                        done.increment();
                    } catch (Throwable ex) {
                        failures.add(ex);
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("failures at concurrency " + CONCURRENCY + ": " + failures.size(), failures.getFirst());
        }
        return done.sum() / elapsed;
    }

    private static String pick(List<String> ids, int worker, int iteration) {
        return ids.get(Math.floorMod(iteration * 7 + worker, ids.size()));
    }

    /** Worker {@code w} only ever writes actions {@code w, w + 16, ...}, so writers never race for a version. */
    private static int slot(int size, int worker, int iteration) {
        int perWorker = size / CONCURRENCY;
        return worker + CONCURRENCY * Math.floorMod(iteration, perWorker);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException ex) {
            return "unknown";
        }
    }

    private long count(String cypher) {
        try (Session session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    static String f(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Everything {@link #say} printed so far. */
    String log() {
        return log.toString();
    }

    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[bench " + scale + "x] " + line);
        log.append(line).append('\n');
    }

    /** Closes the clients and the floor's driver, then stops the service and deletes its data, if still there. */
    void close() throws IOException {
        for (KeepAliveHttpClient client : clients) {
            if (client != null) {
                client.close();
            }
        }
        if (driver != null) {
            driver.close();
        }
        deleteData();
    }
}
