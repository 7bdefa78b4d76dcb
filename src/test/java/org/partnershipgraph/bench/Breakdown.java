package org.partnershipgraph.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.partnershipgraph.accountability.AccountabilityBenchCypher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the time of the cheapest questions goes: the accountability chain and an empty request
 * ({@code { __typename }}), each measured layer by layer on the same database and graph as the
 * benchmark: the raw driver (managed transaction, as the floor; auto-commit; and the driver's
 * {@code executableQuery}, whose BEGIN is pipelined with the RUN), the service's
 * {@link Neo4jClient} in a Spring read-only transaction, GraphQL in process (no HTTP), and GraphQL
 * over HTTP with three clients, and with one of them through Spring for GraphQL's own functional
 * endpoint instead of the service's {@code GraphQlHttpEndpoint}; and, to show what the request's
 * virtual thread costs, the floor and GraphQL in process each on a new virtual thread. After the
 * benchmark's warm-up ({@code --warmup-seconds}), every step runs in blocks of consecutive calls
 * ({@link Benchmark#block()}: 10, or {@code --block}'s), as the benchmark's tables do, until each has
 * twice {@code --iterations} timed calls; the blocks of a round in a new order (shuffled from a fixed
 * seed), so drift hits the steps alike.
 * Returns a Markdown table.
 */
final class Breakdown {

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JSON_TYPE = "application/json";

    /**
     * The same ASCII body, labelled Latin-1: {@code GraphQlHttpEndpoint} leaves JSON in a charset other
     * than UTF-8 to Spring for GraphQL's functional endpoint, so these requests measure that endpoint.
     */
    private static final String LATIN_1_JSON = "application/json;charset=ISO-8859-1";

    private static final String SPRING_ENDPOINT_CHAIN =
            "chain: GraphQL over HTTP, HttpURLConnection, Spring for GraphQL's functional endpoint instead of GraphQlHttpEndpoint";

    private static final String SPRING_ENDPOINT_EMPTY =
            "empty: { __typename } over HTTP, HttpURLConnection, Spring for GraphQL's functional endpoint instead of GraphQlHttpEndpoint";

    /** The driver's own one-statement API, routed as a read: a managed transaction whose BEGIN goes out with the RUN. */
    private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

    private static final String EXECUTABLE_QUERY_CHAIN =
            "chain: raw driver, executableQuery (managed read transaction, BEGIN sent with the RUN)";

    private static final String EXECUTABLE_QUERY_EMPTY =
            "empty: raw driver, RETURN 1, executableQuery (managed read transaction, BEGIN sent with the RUN)";

    private final Benchmark bench;

    Breakdown(Benchmark bench) {
        this.bench = bench;
    }

    String run() throws Exception {
        String id = bench.graph.personOwnedAccountableAction;
        Map<String, Object> params = Map.of("id", id);
        String cypher = AccountabilityBenchCypher.CHAIN;
        Neo4jClient client = bench.context.getBean(Neo4jClient.class);
        TransactionTemplate readOnly = new TransactionTemplate(bench.context.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        ExecutionGraphQlService graphQl = bench.context.getBean(ExecutionGraphQlService.class);
        HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI endpoint = bench.endpoint.toURI();

        Call chainFloor = () -> {
            try (Session session = bench.driver.session()) {
                session.executeRead(tx -> tx.run(cypher, params).list());
            }
        };
        Map<String, Call> steps = new LinkedHashMap<>();
        steps.put("chain: raw driver, managed read transaction (the floor)", chainFloor);
        steps.put("chain: raw driver, auto-commit query", () -> {
            try (Session session = bench.driver.session()) {
                session.run(cypher, params).list();
            }
        });
        steps.put(EXECUTABLE_QUERY_CHAIN,
                () -> bench.driver.executableQuery(cypher).withParameters(params).withConfig(READ).execute());
        steps.put("chain: Neo4jClient in a Spring read-only transaction (no GraphQL)",
                () -> readOnly.execute(status -> client.query(cypher).bindAll(params).fetch().all()));
        steps.put("chain: GraphQL in process (no HTTP)", () -> inProcess(graphQl, Benchmark.CHAIN_QUERY, params));
        steps.put("chain: raw driver, managed read transaction, on a new virtual thread", () -> onVirtualThread(chainFloor));
        steps.put("chain: GraphQL in process (no HTTP), on a new virtual thread",
                () -> onVirtualThread(() -> inProcess(graphQl, Benchmark.CHAIN_QUERY, params)));
        steps.put("chain: GraphQL over HTTP, keep-alive socket client (the benchmark's client)",
                () -> bench.graphQl(0, Benchmark.CHAIN_QUERY, params, null));
        steps.put("chain: GraphQL over HTTP, HttpURLConnection",
                () -> overUrlConnection(bench.endpoint, Benchmark.CHAIN_QUERY, params, JSON_TYPE));
        steps.put("chain: GraphQL over HTTP, java.net.http.HttpClient",
                () -> overHttpClient(httpClient, endpoint, Benchmark.CHAIN_QUERY, params));
        steps.put(SPRING_ENDPOINT_CHAIN,
                () -> overUrlConnection(bench.endpoint, Benchmark.CHAIN_QUERY, params, LATIN_1_JSON));
        steps.put("empty: raw driver, RETURN 1, managed read transaction (the floor)", () -> {
            try (Session session = bench.driver.session()) {
                session.executeRead(tx -> tx.run("RETURN 1 AS one").list());
            }
        });
        steps.put("empty: raw driver, RETURN 1, auto-commit query", () -> {
            try (Session session = bench.driver.session()) {
                session.run("RETURN 1 AS one").list();
            }
        });
        steps.put(EXECUTABLE_QUERY_EMPTY, () -> bench.driver.executableQuery("RETURN 1 AS one").withConfig(READ).execute());
        steps.put("empty: { __typename } in process (no HTTP)", () -> inProcess(graphQl, "{ __typename }", Map.of()));
        steps.put("empty: { __typename } in process (no HTTP), on a new virtual thread",
                () -> onVirtualThread(() -> inProcess(graphQl, "{ __typename }", Map.of())));
        steps.put("empty: { __typename } over HTTP, keep-alive socket client (the benchmark's client)",
                () -> bench.graphQl(0, "{ __typename }", Map.of(), null));
        steps.put("empty: { __typename } over HTTP, HttpURLConnection",
                () -> overUrlConnection(bench.endpoint, "{ __typename }", Map.of(), JSON_TYPE));
        steps.put("empty: { __typename } over HTTP, java.net.http.HttpClient",
                () -> overHttpClient(httpClient, endpoint, "{ __typename }", Map.of()));
        steps.put(SPRING_ENDPOINT_EMPTY, () -> overUrlConnection(bench.endpoint, "{ __typename }", Map.of(), LATIN_1_JSON));

        long end = System.nanoTime() + Duration.ofSeconds(bench.warmupSeconds).toNanos();
        while (System.nanoTime() < end) {
            for (Call call : steps.values()) {
                call.run();
            }
        }
        List<Benchmark.Op> ops = steps.values().stream().<Benchmark.Op>map(call -> (worker, iteration) -> call.run()).toList();
        Benchmark.Stats[] measured = Benchmark.timedBlocks(ops, bench.block(), 2 * bench.iterations, 0, new Random(7), Long.MAX_VALUE);

        StringBuilder table = new StringBuilder("| step | p50 ms | p99 ms | p50 / floor p50 |\n|---|---:|---:|---:|\n");
        List<String> names = new ArrayList<>(steps.keySet());
        double floor = Double.NaN;
        for (int i = 0; i < names.size(); i++) {
            Benchmark.Stats stats = measured[i];
            if (names.get(i).contains("(the floor)")) {
                floor = stats.p50();
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", names.get(i), Benchmark.f(stats.p50()),
                    Benchmark.f(stats.p99()), Benchmark.f(stats.p50() / floor)));
            bench.say("breakdown %-70s p50 %s ms, p99 %s ms", names.get(i), Benchmark.f(stats.p50()), Benchmark.f(stats.p99()));
        }
        return table.toString();
    }

    /** Runs {@code call} on a new virtual thread and waits for it, as Tomcat runs each request of the service. */
    private static void onVirtualThread(Call call) throws Exception {
        Exception[] failure = new Exception[1];
        Thread.ofVirtual().start(() -> {
            try {
                call.run();
            } catch (Exception e) {
                failure[0] = e;
            }
        }).join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void inProcess(ExecutionGraphQlService graphQl, String query, Map<String, Object> variables) {
        ExecutionGraphQlResponse response = graphQl
                .execute(new DefaultExecutionGraphQlRequest(query, null, variables, null, "breakdown", null)).block();
        if (response == null || !response.getErrors().isEmpty()) {
            throw new IllegalStateException("GraphQL request failed: " + (response == null ? "no response" : response.getErrors()));
        }
    }

    private static void overUrlConnection(URL endpoint, String query, Map<String, Object> variables, String contentType)
            throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        HttpURLConnection connection = (HttpURLConnection) endpoint.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("Accept", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = connection.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200 || text.contains("\"errors\":[")) {
                throw new IllegalStateException("GraphQL request failed (" + status + "): " + text);
            }
        }
    }

    private static void overHttpClient(HttpClient http, URI endpoint, String query, Map<String, Object> variables)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\":[")) {
            throw new IllegalStateException("GraphQL request failed (" + response.statusCode() + "): " + response.body());
        }
    }
}
