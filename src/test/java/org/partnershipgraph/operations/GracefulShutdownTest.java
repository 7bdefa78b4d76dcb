package org.partnershipgraph.operations;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.PartnershipGraphApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8, graceful shutdown, as an operator sees it: the service runs as its own JVM on a fresh
 * embedded database, several secretariat clients record progress while one more request is half
 * received, and the process gets SIGTERM. The half-received request must still be answered, the
 * process must exit by itself after the embedded Neo4j has closed, and after a restart on the same
 * directory every acknowledged write must be there in full; a write whose answer was lost may be
 * there or not, but never in part (the action's version, progress updates and history agree).
 */
class GracefulShutdownTest {

    private static final Path OUTPUT = outputDirectory();
    private static final String USER = "hwbb-secretariat";
    private static final String PASSWORD = "hwbb-secretariat-local-only";
    private static final String AUDITOR = "auditor";
    private static final String AUDITOR_PASSWORD = "auditor-local-only";
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 3;
    private static final int MAX_WRITES_PER_WRITER = 2_000;
    private static final String HELD_REQUEST_ID = "graceful-shutdown-held";
    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final Duration EXIT = Duration.ofSeconds(90);
    private static final int SIGTERM_EXIT_CODE = 128 + 15;

    private static final String RECORD_PROGRESS = """
            mutation($id: ID!, $v: Int!, $p: Int!, $note: String!) {
              recordProgress(input: {actionId: $id, expectedVersion: $v, status: IN_PROGRESS, percentComplete: $p, commentary: $note}) {
                action { id version status } update { percentComplete note } } }
            """;
    private static final String STATE = """
            query($id: ID!) {
              action(id: $id) { version status updates { percentComplete note author } }
              history(entityId: $id) { operation user reason changes { field after } } }
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Service> STARTED = new ArrayList<>();

    @AfterAll
    static void stopEveryService() {
        STARTED.forEach(Service::stop);
    }

    @Test
    void sigtermLetsInFlightRequestsFinishClosesNeo4jAndLosesNoAcknowledgedWrite() throws Exception {
        long started = System.nanoTime();
        Path data = dataDirectory();
        Service first = Service.start("first-run", data);
        Service restarted = null;
        try {
            first.awaitReady();
            List<String> actions = actionsToChange(first);
            Map<String, State> before = new LinkedHashMap<>();
            for (String id : actions) {
                before.put(id, state(first, id));
            }

            AtomicBoolean terminating = new AtomicBoolean();
            CountDownLatch warmedUp = new CountDownLatch(WRITERS);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<List<Attempt>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String id = actions.get(w);
                int writer = w;
                writers.add(pool.submit(() -> write(first, writer, id, before.get(id).version(), terminating, warmedUp)));
            }
            assertThat(warmedUp.await(STARTUP.toSeconds(), TimeUnit.SECONDS))
                    .as("every writer had %d writes acknowledged before SIGTERM", ACKNOWLEDGED_BEFORE_SIGTERM).isTrue();

            String heldId = actions.get(WRITERS);
            int heldVersion = before.get(heldId).version() + 1;
            Attempt held = new Attempt(heldId, heldVersion, 77, "graceful shutdown: held request");
            try (HeldRequest request = HeldRequest.open(first.port(), HELD_REQUEST_ID, recordProgressBody(held))) {
                first.awaitLog("[" + HELD_REQUEST_ID + "]");

                assertThat(first.process().supportsNormalTermination()).as("destroy() sends SIGTERM").isTrue();
                terminating.set(true);
                first.process().destroy();
                first.awaitLog("Commencing graceful shutdown");

                String response = request.finish();
                assertThat(response).as("the request in flight at SIGTERM is answered").startsWith("HTTP/1.1 200");
                JsonNode heldBody = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
                assertThat(heldBody.path("errors").isMissingNode()).as("held request errors: %s", heldBody).isTrue();
                assertThat(heldBody.path("data").path("recordProgress").path("action").path("version").asInt())
                        .isEqualTo(heldVersion);
            }

            assertThat(first.process().waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)).as("the service exits by itself").isTrue();
            assertThat(first.process().exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(SIGTERM_EXIT_CODE);
            List<Attempt> attempts = new ArrayList<>();
            pool.shutdown();
            for (Future<List<Attempt>> writer : writers) {
                attempts.addAll(writer.get(EXIT.toSeconds(), TimeUnit.SECONDS));
            }
            attempts.add(held.answered(Outcome.ACKNOWLEDGED, true));
            report(attempts);
            assertThat(attempts).as("no request failed before SIGTERM").noneMatch(a -> a.outcome() != Outcome.ACKNOWLEDGED && !a.afterSigterm());
            assertThat(attempts).as("no request got a GraphQL error (Neo4j gone under a request)").noneMatch(a -> a.outcome() == Outcome.ERROR);

            String log = first.log();
            assertThat(log).contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
            assertThat(log.indexOf("Graceful shutdown complete"))
                    .as("Neo4j stops after the last request").isLessThan(log.indexOf("Stopping embedded Neo4j"));
            assertThat(log).contains("Embedded Neo4j stopped cleanly").doesNotContain(" ERROR ");

            restarted = Service.start("restart", data);
            restarted.awaitReady();
            assertThat(first.log()).contains("Seed loaded from");
            assertThat(restarted.log()).contains("Database already holds data: seed not loaded");
            for (String id : actions) {
                checkWholeOrAbsent(id, before.get(id), state(restarted, id), attempts);
            }
            assertThat(neo4jDebugLog(data)).as("Neo4j needed no recovery at restart").doesNotContain("Recovery required");
            System.out.printf("GracefulShutdownTest: %d s in all%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } catch (AssertionError | Exception ex) {
            first.printTail();
            if (restarted != null) {
                restarted.printTail();
            }
            throw ex;
        } finally {
            first.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    /**
     * Each acknowledged write to {@code id} is there, each lost one is there or not, and the
     * version, the progress updates and the history entries count the same writes.
     */
    private static void checkWholeOrAbsent(String id, State before, State after, List<Attempt> attempts) {
        List<Attempt> mine = attempts.stream().filter(a -> a.actionId().equals(id)).toList();
        int acknowledged = mine.stream().filter(a -> a.outcome() == Outcome.ACKNOWLEDGED)
                .mapToInt(Attempt::version).max().orElse(before.version());
        int attempted = mine.stream().mapToInt(Attempt::version).max().orElse(before.version());
        assertThat(after.version()).as("%s: version after restart", id).isBetween(acknowledged, attempted);
        int landed = after.version() - before.version();
        assertThat(after.updates()).as("%s: one progress update per landed write", id).hasSize(before.updates().size() + landed);
        assertThat(after.history()).as("%s: one history entry per landed write", id).hasSize(before.history().size() + landed);
        for (int v = before.version() + 1; v <= after.version(); v++) {
            int version = v;
            Attempt write = mine.stream().filter(a -> a.version() == version).findFirst().orElseThrow();
            JsonNode update = after.updates().get(after.version() - version);
            JsonNode entry = after.history().get(after.version() - version);
            assertThat(update.path("note").asString()).as("%s v%d update", id, version).isEqualTo(write.note());
            assertThat(update.path("percentComplete").asInt()).as("%s v%d update", id, version).isEqualTo(write.percent());
            assertThat(update.path("author").asString()).isEqualTo(USER);
            assertThat(entry.path("operation").asString()).isEqualTo("recordProgress");
            assertThat(entry.path("reason").asString()).as("%s v%d history", id, version).isEqualTo(write.note());
            assertThat(entry.path("changes").valueStream()
                    .filter(c -> c.path("field").asString().equals("percentComplete"))
                    .map(c -> c.path("after").asString()).toList())
                    .as("%s v%d history", id, version).containsExactly(String.valueOf(write.percent()));
        }
        if (landed > 0) {
            assertThat(after.status()).isEqualTo("IN_PROGRESS");
        }
    }

    private static List<Attempt> write(Service service, int writer, String actionId, int startVersion,
            AtomicBoolean terminating, CountDownLatch warmedUp) {
        List<Attempt> attempts = new ArrayList<>();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        int version = startVersion;
        for (int i = 1; i <= MAX_WRITES_PER_WRITER && System.nanoTime() < deadline; i++) {
            Attempt attempt = new Attempt(actionId, version + 1, (writer * 13 + i * 7) % 101,
                    "graceful shutdown: writer " + writer + " write " + i);
            boolean sentBeforeSigterm = !terminating.get();
            Outcome outcome;
            try {
                Reply reply = service.graphQl(USER, PASSWORD, RECORD_PROGRESS, attempt.variables());
                if (reply.status() != 200) {
                    outcome = Outcome.REFUSED;
                } else if (!reply.body().path("errors").isMissingNode()) {
                    outcome = Outcome.ERROR;
                    System.out.printf("GracefulShutdownTest: writer %d got %s%n", writer, reply.body().path("errors"));
                } else if (reply.body().path("data").path("recordProgress").path("action").path("version").asInt() == version + 1) {
                    outcome = Outcome.ACKNOWLEDGED;
                } else {
                    outcome = Outcome.ERROR;
                }
            } catch (IOException ex) {
                outcome = Outcome.LOST;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                outcome = Outcome.LOST;
            }
            attempts.add(attempt.answered(outcome, terminating.get(), sentBeforeSigterm));
            if (outcome != Outcome.ACKNOWLEDGED) {
                break;
            }
            version++;
            if (i == ACKNOWLEDGED_BEFORE_SIGTERM) {
                warmedUp.countDown();
            }
        }
        return attempts;
    }

    private static void report(List<Attempt> attempts) {
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, attempts.stream().filter(a -> a.outcome() == outcome).count());
        }
        long inFlight = attempts.stream().filter(a -> a.sentBeforeSigterm() && a.afterSigterm()
                && a.outcome() == Outcome.ACKNOWLEDGED).count();
        System.out.printf("GracefulShutdownTest: %d writes %s; %d sent before SIGTERM and acknowledged after it%n",
                attempts.size(), counts, inFlight);
    }

    private static List<String> actionsToChange(Service service) throws IOException, InterruptedException {
        Reply reply = service.graphQl(USER, PASSWORD, """
                { actions(first: %d, filter: {board: "board-hwbb", status: [IN_PROGRESS, NOT_STARTED]}, orderBy: {field: ID}) {
                    edges { node { id } } } }
                """.formatted(WRITERS + 1), Map.of());
        List<String> ids = reply.body().path("data").path("actions").path("edges").valueStream()
                .map(edge -> edge.path("node").path("id").asString()).toList();
        assertThat(ids).as("open actions of board-hwbb in the seed: %s", reply.body()).hasSize(WRITERS + 1);
        return ids;
    }

    private static State state(Service service, String id) throws IOException, InterruptedException {
        Reply reply = service.graphQl(AUDITOR, AUDITOR_PASSWORD, STATE, Map.of("id", id));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("errors").isMissingNode()).as("%s", reply.body()).isTrue();
        JsonNode action = reply.body().path("data").path("action");
        return new State(action.path("version").asInt(), action.path("status").asString(),
                List.copyOf(action.path("updates").values()), List.copyOf(reply.body().path("data").path("history").values()));
    }

    private static String recordProgressBody(Attempt attempt) {
        return JSON.writeValueAsString(Map.of("query", RECORD_PROGRESS, "variables", attempt.variables()));
    }

    private static String neo4jDebugLog(Path data) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("debug.log")).toList()) {
                text.append(Files.readString(file, UTF_8));
            }
        }
        return text.toString();
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-neo4j")), "shutdown-");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path outputDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "graceful-shutdown"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    /** How a write ended, as its client saw it. */
    private enum Outcome {
        /** 200 with the new version: it must be there after the restart. */
        ACKNOWLEDGED,
        /** An HTTP error status (the server refusing work while it stops). */
        REFUSED,
        /** No answer: the connection failed. */
        LOST,
        /** 200 with a GraphQL error. */
        ERROR
    }

    /** One recordProgress call: the version it would create, its percent and note, and how it ended. */
    private record Attempt(String actionId, int version, int percent, String note, Outcome outcome,
            boolean afterSigterm, boolean sentBeforeSigterm) {

        Attempt(String actionId, int version, int percent, String note) {
            this(actionId, version, percent, note, null, false, true);
        }

        Attempt answered(Outcome outcome, boolean afterSigterm) {
            return new Attempt(actionId, version, percent, note, outcome, afterSigterm, sentBeforeSigterm);
        }

        Attempt answered(Outcome outcome, boolean afterSigterm, boolean sentBeforeSigterm) {
            return new Attempt(actionId, version, percent, note, outcome, afterSigterm, sentBeforeSigterm);
        }

        Map<String, Object> variables() {
            return Map.of("id", actionId, "v", version - 1, "p", percent, "note", note);
        }
    }

    /** An action as the auditor reads it: version, status, progress updates and history, newest first. */
    private record State(int version, String status, List<JsonNode> updates, List<JsonNode> history) {
    }

    /** An HTTP status and JSON body. */
    private record Reply(int status, JsonNode body) {
    }

    /**
     * A GraphQL request sent in two halves over a raw socket: the headers and half the body first,
     * so the server is inside the request when SIGTERM arrives, and the rest after.
     */
    private static final class HeldRequest implements AutoCloseable {

        private final Socket socket;
        private final byte[] body;

        private HeldRequest(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
        }

        static HeldRequest open(int port, String requestId, String json) throws IOException {
            byte[] body = json.getBytes(UTF_8);
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout((int) EXIT.toMillis());
            String head = "POST /graphql HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: " + basic(USER, PASSWORD) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json\r\n"
                    + "X-Request-Id: " + requestId + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(UTF_8));
            out.write(body, 0, body.length / 2);
            out.flush();
            return new HeldRequest(socket, body);
        }

        /** Sends the rest of the body and returns the whole response, de-chunked. */
        String finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            if (split < 0 || !raw.substring(0, split).toLowerCase().contains("transfer-encoding: chunked")) {
                return raw;
            }
            StringBuilder content = new StringBuilder();
            int at = split + 4;
            while (true) {
                int lineEnd = raw.indexOf("\r\n", at);
                int size = Integer.parseInt(raw.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                content.append(raw, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return raw.substring(0, split + 4) + content;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The service in a JVM of its own, with its output in {@code target/graceful-shutdown}. */
    private static final class Service {

        private final String name;
        private final Process process;
        private final int port;
        private final Path output;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        private Service(String name, Process process, int port, Path output) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.output = output;
        }

        static Service start(String name, Path data) throws IOException {
            int port = freePort();
            Path output = OUTPUT.resolve(name + ".log");
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), PartnershipGraphApplication.class.getName(),
                    "--spring.profiles.active=local",
                    "--server.port=" + port,
                    "--spring.neo4j.uri=",
                    "--partnership.neo4j.embedded.data-directory=" + data.toAbsolutePath(),
                    "--partnership.neo4j.embedded.bolt-port=0",
                    "--partnership.neo4j.embedded.page-cache=16MB",
                    "--partnership.seed.mode=IF_EMPTY",
                    "--logging.structured.format.console=",
                    "--logging.level.org.springframework.security.web.FilterChainProxy=DEBUG");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            Service service = new Service(name, process, port, output);
            STARTED.add(service);
            return service;
        }

        Process process() {
            return process;
        }

        int port() {
            return port;
        }

        void awaitReady() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            String status = "no answer";
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("%s is running", name).isTrue();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode() + " " + response.body();
                    if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    status = notListeningYet.toString();
                }
                Thread.sleep(500);
            }
            assertThat(status).as("%s readiness", name).startsWith("200");
        }

        void awaitLog(String text) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + EXIT.toNanos();
            while (System.nanoTime() < deadline && !log().contains(text)) {
                Thread.sleep(100);
            }
            assertThat(log().contains(text)).as("%s logged \"%s\"", name, text).isTrue();
        }

        Reply graphQl(String user, String password, String query, Map<String, Object> variables)
                throws IOException, InterruptedException {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/graphql"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", basic(user, password))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Reply(response.statusCode(), json);
        }

        String log() throws IOException {
            return Files.exists(output) ? Files.readString(output, UTF_8) : "";
        }

        void printTail() {
            try {
                List<String> lines = Files.readAllLines(output, UTF_8);
                System.out.printf("---- last lines of %s (%s) ----%n", name, output.toAbsolutePath());
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            } catch (IOException ex) {
                System.out.printf("---- cannot read %s: %s%n", output, ex);
            }
        }

        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
