package org.partnershipgraph.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.partnershipgraph.PartnershipGraphApplication;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.partnershipgraph.embedded.EmbeddedNeo4jServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/**
 * Two instances of the service over one Neo4j: this test's own, which runs the embedded server,
 * and a second one started beside it with {@code spring.neo4j.uri} pointing at that server's
 * Bolt port. A change made through either instance reaches the {@code actionChanged}
 * subscribers of both, once each, and a board's subscribers only its own changes.
 */
class ActionEventsAcrossInstancesTest extends SyntheticGraphTestBase {

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 31);

    private static final String SUBSCRIPTION = """
            subscription($board: ID) { actionChanged(boardId: $board) {
                operation at action { id version status rag owner { ... on Post { id } } } } }
            """;

    private static ConfigurableApplicationContext second;

    @Autowired
    private EmbeddedNeo4jServer server;

    @Autowired
    private ActionEvents events;

    private final List<WebSocketGraphQlTester> sockets = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();
    private HttpGraphQlTester secondGraphQl;

    @BeforeEach
    void twoInstancesOverOneGraph() {
        clear();
        write(MutationGraphQlTest.BOARDS_AND_POSTS, Map.of(), false);
        actions(List.of("action-e-1", "action-e-2", "action-e-3", "action-e-4"), "NOT_STARTED", LocalDate.of(2026, 3, 31), AS_OF);
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-e-1", "to", "board-hwbb"),
                Map.of("from", "action-e-2", "to", "board-hwbb-sub"), Map.of("from", "action-e-3", "to", "board-hosc"),
                Map.of("from", "action-e-4", "to", "board-hwbb")));
        relate("OWNED_BY", List.of(Map.of("from", "action-e-4", "to", "post-lead")));
        if (second == null) {
            second = startSecondInstance(server);
        }
        WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + secondPort() + "/graphql").responseTimeout(TIMEOUT);
        secondGraphQl = HttpGraphQlTester.builder(client).responseTimeout(TIMEOUT).build();
    }

    @AfterEach
    void disconnect() {
        subscriptions.forEach(Disposable::dispose);
        sockets.forEach(socket -> socket.stop().block(TIMEOUT));
        await("the first instance stops reading changes once it has no subscriber", () -> !events.following());
        await("the second instance stops reading changes once it has no subscriber", () -> !secondEvents().following());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void aChangeThroughEitherInstanceReachesTheSubscribersOfBothOnce() throws Exception {
        BlockingQueue<Map<String, Object>> onSecond = subscribe(secondPort(), null);
        BlockingQueue<Map<String, Object>> onFirst = subscribe(port, null);
        await("both instances follow the changes", () -> events.following() && secondEvents().following());

        as("hwbb-secretariat").document(progress("action-e-1", 0)).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        on(secondGraphQl, "admin").document("""
                mutation { assignOwner(input: {actionId: "action-e-4", expectedVersion: 0, ownerId: "post-other", reason: "Handover"}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(1);

        OffsetDateTime progressAt = historyAt("action-e-1");
        OffsetDateTime ownerAt = historyAt("action-e-4");
        for (BlockingQueue<Map<String, Object>> received : List.of(onSecond, onFirst)) {
            List<Map<String, Object>> changes = until(received, "action-e-4");
            assertThat(changes).as("each change once, in commit order").extracting(change -> actionOf(change).get("id"))
                    .containsExactly("action-e-1", "action-e-4");
            Map<String, Object> progress = changes.get(0);
            assertThat(progress.get("operation")).isEqualTo("recordProgress");
            assertThat(actionOf(progress)).containsEntry("version", 1).containsEntry("status", "IN_PROGRESS")
                    .containsEntry("rag", "GREEN").containsEntry("owner", null);
            assertThat(OffsetDateTime.parse((String) progress.get("at"))).isCloseTo(progressAt, within(1, ChronoUnit.MILLIS));
            Map<String, Object> owner = changes.get(1);
            assertThat(owner.get("operation")).isEqualTo("assignOwner");
            assertThat(actionOf(owner)).containsEntry("version", 1).containsEntry("status", "NOT_STARTED")
                    .containsEntry("owner", Map.of("id", "post-other"));
            assertThat(OffsetDateTime.parse((String) owner.get("at"))).isCloseTo(ownerAt, within(1, ChronoUnit.MILLIS));
        }

        as("hwbb-secretariat").document(progress("action-e-1", 1)).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);
        for (BlockingQueue<Map<String, Object>> received : List.of(onSecond, onFirst)) {
            Map<String, Object> next = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("the next change after a re-read of the earlier ones").isNotNull();
            assertThat(actionOf(next)).as("no earlier change delivered again").containsEntry("id", "action-e-1")
                    .containsEntry("version", 2);
        }
    }

    @Test
    void aBoardsSubscriberReceivesNoOtherBoardsChanges() throws Exception {
        BlockingQueue<Map<String, Object>> hwbbOnSecond = subscribe(secondPort(), "board-hwbb");
        await("the second instance follows the changes", () -> secondEvents().following());

        as("hosc-secretariat").document(progress("action-e-3", 0)).execute().path("recordProgress.action.id").hasValue();
        as("hwbb-secretariat").document(progress("action-e-2", 0)).execute().path("recordProgress.action.id").hasValue();
        on(secondGraphQl, "hosc-secretariat").document(progress("action-e-3", 1)).execute().path("recordProgress.action.id").hasValue();
        on(secondGraphQl, "hwbb-secretariat").document(progress("action-e-1", 0)).execute().path("recordProgress.action.id").hasValue();

        assertThat(until(hwbbOnSecond, "action-e-1")).as("the changes of the HWBB and the body below it, and no other")
                .extracting(change -> actionOf(change).get("id")).containsExactly("action-e-2", "action-e-1");
    }

    @Test
    void aChangeReadAfterItsActionMovedStillReachesTheBoardsItWasMadeUnder() {
        write("CREATE (:Board:Node {id: 'board-third', name: 'A third board', kind: 'BOARD'})", Map.of(), false);
        as("admin").document(progress("action-e-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        move("action-e-2", 1, "board-hosc");
        as("admin").document(progress("action-e-2", 2)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(3);
        move("action-e-2", 3, "board-third");
        try (Session session = driver.session()) {
            List<String> ids = session.run("MATCH (h:HistoryEntry {entityId: 'action-e-2'}) RETURN h.id ORDER BY h.at, h.id")
                    .list(r -> r.get(0).asString());
            Map<Integer, List<Object>> boards = new HashMap<>();
            session.run(ActionCypher.CHANGES, Map.of("ids", ids))
                    .forEachRemaining(r -> boards.put(ids.indexOf(r.get("id").asString()), r.get("boards").asList()));
            assertThat(boards).as("read together, as a poll reads them").hasSize(4);
            assertThat(boards.get(0)).as("made under the group below the HWBB, read after two moves (and the boards it passed through since)")
                    .containsExactlyInAnyOrder("board-hwbb-sub", "board-hwbb", "board-hosc", "board-third");
            assertThat(boards.get(1)).as("the first move: the boards it left and the one it moved to, though it has moved on since")
                    .containsExactlyInAnyOrder("board-hwbb-sub", "board-hwbb", "board-hosc", "board-third");
            assertThat(boards.get(2)).as("made under the committee").containsExactlyInAnyOrder("board-hosc", "board-third");
            assertThat(boards.get(3)).as("the second move").containsExactlyInAnyOrder("board-hosc", "board-third");
        }
    }

    private void move(String actionId, int version, String boardId) {
        as("admin").document("""
                mutation($id: ID!, $v: Int!, $b: ID!) { updateAction(input: {id: $id, expectedVersion: $v, accountableTo: $b, reason: "Moved"}) {
                    action { version } } }
                """).variable("id", actionId).variable("v", version).variable("b", boardId).execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(version + 1);
    }

    @Test
    void eachReadSeeksTheHistoryByTimeAndTheChangedActionsById() {
        try (Session session = driver.session()) {
            Map<String, Object> params = new HashMap<>();
            params.put("cursor", null);
            params.put("overlapMillis", 5000L);
            assertThat(operators(session.run("EXPLAIN " + ActionCypher.CHANGED_SINCE, params).consume().plan()))
                    .as("operators of the read of the history").anyMatch(op -> op.startsWith("NodeIndexSeekByRange"))
                    .noneMatch(op -> op.contains("Scan"));
            assertThat(operators(session.run("EXPLAIN " + ActionCypher.CHANGES, Map.of("ids", List.of("history-1")))
                    .consume().plan())).as("operators of the read of the changed actions").noneMatch(op -> op.contains("Scan"));
        }
    }

    private BlockingQueue<Map<String, Object>> subscribe(int instancePort, String boardId) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + instancePort + "/graphql",
                new StandardWebSocketClient()).build();
        sockets.add(socket);
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        GraphQlTester.Request<?> request = socket.document(SUBSCRIPTION);
        if (boardId != null) {
            request = request.variable("board", boardId);
        }
        subscriptions.add(request.executeSubscription().toFlux("actionChanged", Map.class)
                .subscribe(change -> received.add(typed(change))));
        return received;
    }

    /** The changes received up to and including the first about {@code actionId}. */
    private static List<Map<String, Object>> until(BlockingQueue<Map<String, Object>> received, String actionId)
            throws InterruptedException {
        List<Map<String, Object>> changes = new ArrayList<>();
        while (true) {
            Map<String, Object> change = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(change).as("a change about %s after %s", actionId, changes).isNotNull();
            changes.add(change);
            if (actionId.equals(actionOf(change).get("id"))) {
                return changes;
            }
        }
    }

    private OffsetDateTime historyAt(String actionId) {
        try (Session session = driver.session()) {
            return session.run("MATCH (h:HistoryEntry {entityId: $id}) RETURN h.at", Map.of("id", actionId))
                    .single().get(0).asOffsetDateTime();
        }
    }

    private static List<String> operators(Plan plan) {
        List<String> operators = new ArrayList<>();
        operators.add(plan.operatorType());
        plan.children().forEach(child -> operators.addAll(operators(child)));
        return operators;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typed(Map<?, ?> change) {
        return (Map<String, Object>) change;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actionOf(Map<String, Object> change) {
        return (Map<String, Object>) change.get("action");
    }

    private static GraphQlTester on(HttpGraphQlTester tester, String user) {
        return tester.mutate().headers(h -> h.setBasicAuth(user, USERS.get(user))).build();
    }

    private ActionEvents secondEvents() {
        return second.getBean(ActionEvents.class);
    }

    private static int secondPort() {
        return second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /**
     * The service again, in this JVM, over the first instance's Neo4j; the first instance keeps
     * the logging system to itself.
     */
    private static ConfigurableApplicationContext startSecondInstance(EmbeddedNeo4jServer server) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(PartnershipGraphApplication.class).profiles("local")
                    .run("--spring.neo4j.uri=" + server.boltUri(),
                            "--spring.neo4j.authentication.password=" + server.password(), "--server.port=0", "--partnership.seed.mode=NEVER",
                            "--spring.main.banner-mode=off");
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private static String progress(String actionId, int version) {
        return "mutation { recordProgress(input: {actionId: \"" + actionId + "\", expectedVersion: " + version
                + ", status: IN_PROGRESS, rag: GREEN, percentComplete: 50, commentary: \"On track\"}) { action { id version } } }";
    }
}
