package org.partnershipgraph.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.partnershipgraph.graphql.SchemaInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Secretariats at work, through GraphQL: two secretariats of different boards and an auditor
 * create an action from a recorded decision, record progress, try the other board's action, race
 * updates, add a dependency that closes a cycle, then read the history and the live events.
 */
class MutationGraphQlTest extends SyntheticGraphTestBase {

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 31);

    /**
     * The secretariats' boards (HWBB with a sub-group, and HOSC) and two posts: the graph the
     * mutation and subscription tests write to.
     */
    static final String BOARDS_AND_POSTS = """
            CREATE (hwbb:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})
            CREATE (sub:Board:Node {id: 'board-hwbb-sub', name: 'A group below the HWBB', kind: 'GROUP'})-[:REPORTS_TO {relation: 'SUB_GROUP_OF'}]->(hwbb)
            CREATE (:Board:Node {id: 'board-hosc', name: 'Scrutiny Committee', kind: 'COMMITTEE'})
            CREATE (:Post:Node {id: 'post-lead', title: 'Lead'})
            CREATE (:Post:Node {id: 'post-other', title: 'Other lead'})
            """;

    @Autowired
    private ActionEvents actionEvents;

    @Autowired
    private SchemaInitializer schemaInitializer;

    private GraphQlTester hwbb;
    private GraphQlTester hosc;
    private GraphQlTester auditor;

    @BeforeEach
    void graph() {
        clear();
        write(BOARDS_AND_POSTS, Map.of(), false);
        actions(List.of("action-m-1", "action-m-2", "action-m-3", "action-m-4"), "IN_PROGRESS", LocalDate.of(2026, 3, 31), AS_OF);
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-m-1", "to", "board-hwbb"),
                Map.of("from", "action-m-2", "to", "board-hwbb-sub"), Map.of("from", "action-m-3", "to", "board-hosc"),
                Map.of("from", "action-m-4", "to", "board-hwbb")));
        relate("DEPENDS_ON", List.of(Map.of("from", "action-m-1", "to", "action-m-4")));
        relate("OWNED_BY", List.of(Map.of("from", "action-m-1", "to", "post-lead")));
        hwbb = as("hwbb-secretariat");
        hosc = as("hosc-secretariat");
        auditor = as("auditor");
    }

    @Test
    void aDecisionRecordedThroughTheApiComesAfterTheSeedsOfTheSameMinuteNumber() {
        String meeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-22", title: "Minute order"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        write("""
                MATCH (m:Meeting {id: $m})
                UNWIND ['decision-m-seeded-z', 'decision-m-seeded-y'] AS id
                CREATE (m)-[:DECIDED]->(:Node:Decision {id: id, number: '46', text: 'Seeded ' + id})
                """, Map.of("m", meeting), false);
        String recorded = hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, number: "46", text: "Recorded later"}) { decision { id } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
        String earlier = hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, number: "45", text: "An earlier minute"}) { decision { id } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
        hwbb.document("query($m: ID!) { meeting(id: $m) { decisions { id } } }").variable("m", meeting).execute()
                .path("meeting.decisions[*].id").entityList(String.class)
                .containsExactly(earlier, "decision-m-seeded-y", "decision-m-seeded-z", recorded);
    }

    @Test
    void createAnActionFromARecordedDecisionThenRecordProgressAndReadTheHistory() {
        String meeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-15", title: "January meeting"}) { meeting { id board { id } } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String decision = hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: "RESOLVED: the Board agreed to refresh the plan."}) { decision { id meeting { id } } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
        Map<String, Object> created = hwbb.document("""
                mutation($d: ID!) { createAction(input: {title: "Refresh the plan", accountableTo: "board-hwbb", ownerId: "post-lead",
                    decisionId: $d, startDate: "2025-02-01", dueDate: "2025-06-30", reason: "Minuted"}) {
                    action { id version status decision { id } owner { ... on Post { id } } accountableTo { id } } } }
                """).variable("d", decision).execute().path("createAction.action").entity(Map.class).get();
        String id = (String) created.get("id");
        assertThat(created.get("version")).isEqualTo(0);
        assertThat(created.get("decision")).isEqualTo(Map.of("id", decision));
        hwbb.document("""
                mutation($id: ID!) { recordProgress(input: {actionId: $id, expectedVersion: 0, status: IN_PROGRESS, rag: AMBER,
                    percentComplete: 40, commentary: "Drafting"}) { action { version status rag } update { status percentComplete author } } }
                """).variable("id", id).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1)
                .path("recordProgress.update.author").entity(String.class).isEqualTo("hwbb-secretariat");
        auditor.document("""
                query($id: ID!) { history(entityId: $id) { user role operation reason changes { field before after } }
                                  action(id: $id) { updates { status percentComplete note } } }
                """).variable("id", id).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("recordProgress", "createAction")
                .path("history[0].role").entity(String.class).isEqualTo("SECRETARIAT")
                .path("history[0].changes[*].field").entityList(String.class).contains("status", "rag", "percentComplete")
                .path("action.updates[0].percentComplete").entity(Integer.class).isEqualTo(40);
        auditor.document("query($d: ID!) { history(entityId: $d) { operation reason changes { field before after } } }")
                .variable("d", decision).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("createAction", "recordDecision")
                .path("history[0].reason").entity(String.class).isEqualTo("Minuted")
                .path("history[0].changes[0].field").entity(String.class).isEqualTo("action")
                .path("history[0].changes[0].after").entity(String.class).isEqualTo(id);
        hwbb.document("query($id: ID!) { history(entityId: $id) { at } }").variable("id", id).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aSecretariatChangesItsBoardAndTheBodiesBelowButNoOtherBoard() {
        hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hosc.document(progress("action-m-1", 0)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        auditor.document(progress("action-m-1", 0)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        graphQl.document(progress("action-m-1", 0)).execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
        hosc.document("""
                mutation { createAction(input: {title: "Not ours", accountableTo: "board-hwbb"}) { action { id } } }
                """).execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("MATCH (a:Action {id: 'action-m-1'}) RETURN a.version")).isZero();
        assertThat(count("MATCH (h:HistoryEntry) WHERE h.entityId <> 'action-m-2' RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
    }

    @Test
    void progressWithoutAPercentageKeepsItUnsetAndCompletionMeansAHundred() {
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 0, status: IN_PROGRESS, date: "2025-02-01"}) {
                    action { version status } update { percentComplete } } }
                """).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1)
                .path("recordProgress.action.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("recordProgress.update.percentComplete").valueIsNull();
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 1, status: COMPLETE, completedDate: "2025-02-02"}) {
                    action { version } update { percentComplete } } }
                """).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(2)
                .path("recordProgress.update.percentComplete").entity(Integer.class).isEqualTo(100);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        hwbb.document(progress("action-m-1", 0)).execute().path("recordProgress.action.version").hasValue();
        hwbb.document(progress("action-m-1", 0)).execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))
                        && Integer.valueOf(1).equals(e.getExtensions().get("currentVersion")))
                .verify();
        assertThat(count("MATCH (h:HistoryEntry {entityId: 'action-m-1'}) RETURN count(h)")).isEqualTo(1);
    }

    @Test
    void progressKeepsEveryPropertyItDoesNotChange() {
        write("""
                MATCH (a:Action {id: 'action-m-1'})
                SET a.title = 'Publish the plan', a.description = 'As minuted', a.kind = 'WORK_PROGRAMME_ITEM',
                    a.statusText = 'On track, said the lead', a.timescale = 'by March 2026', a.startDate = date('2025-01-05'),
                    a.ownerText = 'The lead', a.sourceNote = 'not mapped by the service'
                """, Map.of(), false);
        String fields = "title description kind timescale startDate dueDate ownerText owner { ... on Post { id } } accountableTo { id }";
        Map<?, ?> before = hwbb.document("{ action(id: \"action-m-1\") { " + fields + " } }").execute()
                .path("action").entity(Map.class).get();
        hwbb.document(progress("action-m-1", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("{ action(id: \"action-m-1\") { " + fields + " statusText asOf } }").execute()
                .path("action").entity(Map.class).satisfies(after -> {
                    before.forEach((field, value) -> assertThat(after.get(field)).as(String.valueOf(field)).isEqualTo(value));
                    assertThat(after.get("statusText")).isNull();
                    assertThat(after.get("asOf")).isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).toString());
                });
        assertThat(before.get("timescale")).isEqualTo("by March 2026");
        assertThat(count("MATCH (a:Action {id: 'action-m-1', sourceNote: 'not mapped by the service'}) RETURN count(a)")).isEqualTo(1);
    }

    @Test
    void badInputIsAValidationErrorNamingTheFieldAndWritesNothing() {
        Map<String, String> cases = new HashMap<>();
        cases.put("commentary", "mutation { recordProgress(input: {actionId: \"action-m-1\", expectedVersion: 0, status: OFF_TRACK}) { action { id } } }");
        cases.put("percentComplete", "mutation { recordProgress(input: {actionId: \"action-m-1\", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 150}) { action { id } } }");
        cases.put("completedDate", "mutation { recordProgress(input: {actionId: \"action-m-1\", expectedVersion: 0, status: COMPLETE}) { action { id } } }");
        cases.put("title", "mutation { createAction(input: {title: \"   \", accountableTo: \"board-hwbb\"}) { action { id } } }");
        cases.put("dueDate", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", startDate: \"2025-05-01\", dueDate: \"2025-04-01\"}) { action { id } } }");
        cases.put("ownerId", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", ownerId: \"person-nobody\"}) { action { id } } }");
        cases.put("accountableTo", "mutation { createAction(input: {title: \"X\", accountableTo: \"post-lead\"}) { action { id } } }");
        cases.put("delivers", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", delivers: [\"board-hosc\"]}) { action { id } } }");
        cases.put("description", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", description: \"" + "y".repeat(4001) + "\"}) { action { id } } }");
        cases.put("decisionId", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", decisionId: \"board-hwbb\"}) { action { id } } }");
        cases.put("leadTimeDays", "mutation { updateAction(input: {id: \"action-m-1\", expectedVersion: 0, leadTimeDays: -1}) { action { id } } }");
        cases.put("weight", "mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", weight: 0}) { action { id } } }");
        cases.put("dependsOnId", "mutation { removeDependency(input: {actionId: \"action-m-1\", expectedVersion: 0, dependsOnId: \"action-m-3\"}) { action { id } } }");
        cases.forEach((field, mutation) -> hwbb.document(mutation).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && field.equals(e.getExtensions().get("field")))
                .verify());
        hwbb.document("mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", decisionId: \" \"}) { action { id } } }")
                .execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "decisionId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("must not be blank"))
                .verify();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN sum(a.version)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
    }

    @Test
    void aBlankIdAnywhereInAMutationsInputIsAValidationErrorNamingTheFieldAndWritesNothing() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("mutation { updateAction(input: {id: \"\", expectedVersion: 0, title: \"X\"}) { action { id } } }", "id");
        cases.put("mutation { addMilestone(input: {actionId: \" \", expectedVersion: 0, title: \"M\"}) { milestone { id } } }", "actionId");
        cases.put("mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", ownerId: \"\"}) { action { id } } }", "ownerId");
        cases.put("mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", delivers: [\"board-hwbb\", \"\\u00a0\"]}) { action { id } } }", "delivers");
        cases.put("mutation { assignOwner(input: {actionId: \"action-m-1\", expectedVersion: 0, ownerId: \"\\u200b\"}) { action { id } } }", "ownerId");
        cases.put("mutation { removeDependency(input: {actionId: \"action-m-1\", expectedVersion: 0, dependsOnId: \"\"}) { action { id } } }", "dependsOnId");
        cases.put("mutation { recordMeeting(input: {boardId: \"\", date: \"2025-01-01\"}) { meeting { id } } }", "boardId");
        cases.forEach((mutation, field) -> hwbb.document(mutation).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && field.equals(e.getExtensions().get("field"))
                        && e.getMessage().startsWith(field + ": must not be blank: give the id of an existing node"))
                .verify());
        hwbb.document("mutation($id: ID!) { updateAction(input: {id: $id, expectedVersion: 0, title: \"X\"}) { action { id } } }")
                .variable("id", "\t").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "id".equals(e.getExtensions().get("field"))
                        && e.getMessage().equals("id: must not be blank: give the id of an existing node"))
                .verify();
        hwbb.document("mutation { createAction(input: {title: \"X\", accountableTo: \"board-hwbb\", ownerId: \"\"}) { action { id } } }")
                .execute().errors()
                .expect(e -> e.getMessage().endsWith("or leave ownerId out")).verify();
        String blank = "mutation { updateAction(input: {id: \"\", expectedVersion: 0, title: \"X\"}) { action { id } } }";
        as("partner").document(blank).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        graphQl.document(blank).execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))).verify();
        hwbb.document("{ action(id: \"\") { id } }").execute().path("action").valueIsNull();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (n) RETURN sum(coalesce(n.version, 0))")).isZero();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
        assertThat(count("MATCH (m:Meeting) RETURN count(m)")).isZero();
    }

    @Test
    void anActionCreatedAgainIsRefusedNamingTheOneCreatedUnlessItDiffers() {
        String create = """
                mutation($t: String!, $due: Date, $d: ID) { createAction(input: {title: $t, accountableTo: "board-hwbb", dueDate: $due,
                                                                                decisionId: $d}) { action { id } } }
                """;
        String first = hwbb.document(create).variable("t", "Circulate the slides").variable("due", "2026-05-31").execute()
                .path("createAction.action.id").entity(String.class).get();
        hwbb.document(create).variable("t", " circulate THE slides ").variable("due", "2026-05-31").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "title".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("has this action already, as " + first))
                .verify();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(5);
        hwbb.document(create).variable("t", "Circulate the slides").variable("due", "2026-06-30").execute()
                .path("createAction.action.id").entity(String.class).isNotEqualTo(first);
        String decision = hwbbDecision("RESOLVED: the slides go round.");
        hwbb.document(create).variable("t", "Circulate the slides").variable("due", "2026-05-31").variable("d", decision).execute()
                .path("createAction.action.id").entity(String.class).isNotEqualTo(first);
        hwbb.document(create).variable("t", "Circulate the slides").variable("due", "2026-05-31").variable("d", decision).execute()
                .errors().expect(e -> "VALIDATION".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(7);
    }

    @Test
    void anAccentTypedAsASeparateMarkIsStoredComposedAndFoundEitherWay() {
        String id = hwbb.document("""
                mutation { createAction(input: {title: "Cafe\u0301 drop-in sessions", accountableTo: "board-hwbb"}) { action { id title } } }
                """).execute().path("createAction.action.title").entity(String.class).isEqualTo("Caf\u00e9 drop-in sessions")
                .path("createAction.action.id").entity(String.class).get();
        for (String typed : List.of("CAFE\u0301", "caf\u00e9")) {
            hwbb.document("query($t: String) { actions(filter: {title: $t}) { edges { node { id } } } }").variable("t", typed).execute()
                    .path("actions.edges[*].node.id").entityList(String.class).containsExactly(id);
            hwbb.document("query($t: String!) { search(text: $t) { edges { node { entity { ... on Action { id } } } } } }")
                    .variable("t", typed).execute()
                    .path("search.edges[*].node.entity.id").entityList(String.class).containsExactly(id);
        }
    }

    @Test
    void anActionDeliveringTheSameStrategyTwiceDeliversItOnceAndTheHistorySaysItOnce() {
        write("CREATE (:Strategy:Node {id: 'strategy-x', title: 'A strategy'})", Map.of(), false);
        String id = hwbb.document("""
                mutation { createAction(input: {title: "X", accountableTo: "board-hwbb", delivers: ["strategy-x", "strategy-x"]}) {
                    action { id delivers { ... on Strategy { id } } } } }
                """).execute().path("createAction.action.delivers[*].id").entityList(String.class).containsExactly("strategy-x")
                .path("createAction.action.id").entity(String.class).get();
        auditor.document("query($a: ID!) { history(entityId: $a) { changes { field after } } }").variable("a", id).execute()
                .path("history[0].changes[?(@.field == 'delivers')].after").entityList(String.class).containsExactly("strategy-x");
    }

    @Test
    void blankLookingTextControlCharactersImpossibleDatesAndACompletionAfterTheUpdateAreRefusedAndWriteNothing() {
        String create = """
                mutation($title: String!, $due: Date) { createAction(input: {title: $title, accountableTo: "board-hwbb", dueDate: $due}) {
                    action { id } } }
                """;
        for (String title : List.of("\u00A0", "\u200B", " \u2007\u202F ", "Pay \u202Eyrotcaf", "Bell\u0007", "Del\u007F", "C1\u0085",
                "\u200E", "\u00AD", "\u3164\u2800", "\u200F \u034F", "Two\nlines", "Tab\tbetween", "Old\r\nMac", "Line\u2028separator",
                "Paragraph\u2029separator")) {
            hwbb.document(create).variable("title", title).execute().errors()
                    .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "title".equals(e.getExtensions().get("field")))
                    .verify();
        }
        for (String due : List.of("0202-06-30", "+10000-01-01", "2101-01-01")) {
            hwbb.document(create).variable("title", "Plan").variable("due", due).execute().errors()
                    .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))).verify();
        }
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 0, status: COMPLETE, date: "2025-02-01",
                    completedDate: "2025-03-01"}) { action { id } } }
                """).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "completedDate".equals(e.getExtensions().get("field")))
                .verify();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN sum(a.version)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
    }

    @Test
    void blankOptionalTextIsStoredAsNoneAndAReasonIsStripped() {
        hwbb.document("""
                mutation { updateAction(input: {id: "action-m-1", expectedVersion: 0, title: "  Refreshed plan  ",
                    description: "A plan", timescale: "By March", reason: "  Agreed at the July meeting  "}) { action { version } } }
                """).execute().path("updateAction.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { updateAction(input: {id: "action-m-1", expectedVersion: 1, description: "\u00A0", timescale: "  ", reason: "   "}) {
                    action { version title description timescale } } }
                """).execute()
                .path("updateAction.action.title").entity(String.class).isEqualTo("Refreshed plan")
                .path("updateAction.action.description").valueIsNull()
                .path("updateAction.action.timescale").valueIsNull();
        auditor.document("{ history(entityId: \"action-m-1\") { reason } }").execute()
                .path("history[*].reason").entityList(String.class).satisfies(reasons -> assertThat(reasons)
                        .containsExactlyInAnyOrder("Agreed at the July meeting", null));
        hwbb.document("""
                mutation($t: String) { updateAction(input: {id: "action-m-1", expectedVersion: 2, title: $t}) { action { title } } }
                """).variable("t", "Meet \u2067\u0645\u0631\u062D\u0628\u0627\u2069 Trust").execute()
                .path("updateAction.action.title").entity(String.class).isEqualTo("Meet \u2067\u0645\u0631\u062D\u0628\u0627\u2069 Trust");
    }

    @Test
    void aPercentThatContradictsTheStatusIsAValidationErrorAndWritesNothing() {
        for (String input : List.of("status: COMPLETE, completedDate: \"2025-01-31\", percentComplete: 30",
                "status: NOT_STARTED, percentComplete: 40")) {
            hwbb.document("mutation { recordProgress(input: {actionId: \"action-m-1\", expectedVersion: 0, " + input
                    + "}) { action { id } } }").execute().errors()
                    .expect(e -> "VALIDATION".equals(e.getExtensions().get("code"))
                            && "percentComplete".equals(e.getExtensions().get("field")))
                    .verify();
        }
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action) RETURN sum(a.version)")).isZero();
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 40}) {
                    action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 1, status: NOT_STARTED, commentary: "Restarted"}) {
                    update { percentComplete } } }
                """).execute().path("recordProgress.update.percentComplete").valueIsNull();
    }

    @Test
    void cancellingOrRevivingNeedsAReasonAndDatesKeepTheirOrder() {
        String progress = """
                mutation($v: Int!, $status: ActionStatus!, $commentary: String, $completed: Date) {
                  recordProgress(input: {actionId: "action-m-2", expectedVersion: $v, status: $status, commentary: $commentary,
                                         completedDate: $completed}) { action { version status } } }
                """;
        hwbb.document(progress).variable("v", 0).variable("status", "CANCELLED").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "commentary".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("cancel an action"))
                .verify();
        hwbb.document(progress).variable("v", 0).variable("status", "CANCELLED").variable("commentary", "Dropped by the board")
                .execute().path("recordProgress.action.status").entity(String.class).isEqualTo("CANCELLED");
        hwbb.document(progress).variable("v", 1).variable("status", "IN_PROGRESS").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "commentary".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("out of CANCELLED"))
                .verify();
        hwbb.document(progress).variable("v", 1).variable("status", "IN_PROGRESS").variable("commentary", "Funding found")
                .execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);

        String start = "mutation($start: Date!) { updateAction(input: {id: \"action-m-2\", expectedVersion: 2, startDate: $start}) "
                + "{ action { version } } }";
        hwbb.document(start).variable("start", "2030-01-01").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "startDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("after the due date"))
                .verify();
        hwbb.document(start).variable("start", "2025-06-01").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(3);
        hwbb.document(progress).variable("v", 3).variable("status", "COMPLETE").variable("completed", "2025-05-01").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "completedDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("start date"))
                .verify();
        hwbb.document("mutation { assignOwner(input: {actionId: \"action-m-2\", expectedVersion: 3, ownerId: \" \"}) { action { id } } }")
                .execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "ownerId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("leave ownerId out"))
                .verify();
        assertThat(count("MATCH (a:Action {id: 'action-m-2'}) RETURN a.version")).isEqualTo(3);
        assertThat(count("MATCH (h:HistoryEntry {entityId: 'action-m-2'}) RETURN count(h)")).isEqualTo(3);
    }

    @Test
    void theRagFilterMatchesTheRatingLastRecorded() {
        hwbb.document(progress("action-m-1", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 0, status: IN_PROGRESS, rag: RED,
                    commentary: "Funding withdrawn; the board looks for another"}) {
                    action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 1, status: IN_PROGRESS, rag: AMBER}) {
                    action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);
        String filter = "query($rag: [Rag!]) { actions(first: 10, filter: {rag: $rag}) { totalCount edges { node { id rag } } } }";
        Map.of(List.of("AMBER"), List.of("action-m-1"), List.of("RED"), List.of("action-m-2"),
                List.of("RED", "AMBER"), List.of("action-m-1", "action-m-2"), List.of("GREEN"), List.<String>of(),
                List.<String>of(), List.<String>of()).forEach((rags, ids) -> hwbb.document(filter).variable("rag", rags).execute()
                .path("actions.totalCount").entity(Integer.class).isEqualTo(ids.size())
                .path("actions.edges[*].node.id").entityList(String.class)
                .satisfies(found -> assertThat(found).containsExactlyInAnyOrderElementsOf(ids)));
        hwbb.document(filter).execute().path("actions.totalCount").entity(Integer.class).isEqualTo(4);
    }

    @Test
    void aRagGivenWithALateCompletionIsNotReadBeforeItWasGiven() {
        String recorded = hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 0, status: COMPLETE, rag: RED,
                    completedDate: "2025-03-01", commentary: "Delivered two months late"}) { action { version } update { date } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1)
                .path("recordProgress.update.date").entity(String.class).get();
        String progress = """
                query($asOf: Date) { progress(scope: {id: "board-hwbb-sub", asOf: $asOf}) {
                    byStatus { status count } byRag { rag count derived } } }
                """;
        hwbb.document(progress).variable("asOf", "2025-04-01").execute()
                .path("progress.byStatus[?(@.status == 'COMPLETE')].count").entityList(Integer.class).containsExactly(1)
                .path("progress.byRag[?(@.rag == 'GREEN')].count").entityList(Integer.class).containsExactly(1)
                .path("progress.byRag[?(@.rag == 'GREEN')].derived").entityList(Integer.class).containsExactly(1)
                .path("progress.byRag[?(@.rag == 'RED')].count").entityList(Integer.class).containsExactly(0);
        hwbb.document(progress).execute()
                .path("progress.byRag[?(@.rag == 'RED')].count").entityList(Integer.class).containsExactly(1)
                .path("progress.byRag[?(@.rag == 'RED')].derived").entityList(Integer.class).containsExactly(0);
        hwbb.document("""
                { action(id: "action-m-2") { ragAssessment { rag derived reason }
                    then: stateAsOf(date: "2025-04-01") { status rag } now: stateAsOf(date: "2099-01-01") { status rag } } }
                """).execute()
                .path("action.ragAssessment.rag").entity(String.class).isEqualTo("RED")
                .path("action.ragAssessment.reason").entity(String.class).isEqualTo("given in the update of " + recorded)
                .path("action.then.status").entity(String.class).isEqualTo("COMPLETE")
                .path("action.then.rag").valueIsNull()
                .path("action.now.rag").entity(String.class).isEqualTo("RED");
    }

    @Test
    void theRegisterFollowsTheActionsChangesAndANewDueDateDropsTheOldWordingOfIt() {
        String update = "mutation($v: Int!, $due: Date, $timescale: String) { updateAction(input: {id: \"action-m-1\", "
                + "expectedVersion: $v, dueDate: $due, timescale: $timescale}) { action { version dueDate timescale } } }";
        hwbb.document(update).variable("v", 0).variable("timescale", "by March 2026").execute()
                .path("updateAction.action.timescale").entity(String.class).isEqualTo("by March 2026");
        hwbb.document(update).variable("v", 1).variable("due", "2026-03-31").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(update).variable("v", 1).variable("due", "2026-06-30").variable("timescale", "by June 2026").execute()
                .path("updateAction.action.timescale").entity(String.class).isEqualTo("by June 2026");
        hwbb.document(update).variable("v", 2).variable("due", "2026-09-30").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(3)
                .path("updateAction.action.timescale").valueIsNull();
        auditor.document("{ history(entityId: \"action-m-1\") { changes { field before after } } }").execute()
                .path("history[0].changes[?(@.field == 'timescale')].before").entityList(String.class).containsExactly("by June 2026")
                .path("history[0].changes[?(@.field == 'timescale')].after").entityList(String.class).containsExactly((String) null);
        String today = hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 3, status: COMPLETE, rag: GREEN,
                    completedDate: "2025-03-01"}) { action { version } update { date } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(4)
                .path("recordProgress.update.date").entity(String.class).get();

        byte[] body = http.get().uri("/export/accountability-register.csv").headers(h -> h.setBasicAuth("auditor", USERS.get("auditor")))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8).split("\r\n"))
                .filteredOn(line -> line.startsWith("action-m-1,")).singleElement()
                .isEqualTo("action-m-1,action-m-1,COMPLETE,2026-09-30,post-lead,Lead,board-hwbb,Health and Wellbeing Board,,,,,,GREEN," + today + ",2025-03-01");
    }

    @Test
    void progressCannotSayTheStatusIsUnknown() {
        long updates = count("MATCH (:Action {id: 'action-m-1'})-[:HAS_UPDATE]->(u) RETURN count(u)");
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 0, status: UNKNOWN}) { action { id } } }
                """).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "status".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("must say where the action stands"))
                .verify();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (:Action {id: 'action-m-1'})-[:HAS_UPDATE]->(u) RETURN count(u)")).isEqualTo(updates);
        assertThat(count("MATCH (a:Action {id: 'action-m-1'}) RETURN a.version")).isZero();
    }

    @Test
    void aCompletionRecordedLateCountsFromItsCompletedDate() {
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-4", expectedVersion: 0, status: IN_PROGRESS, date: "2026-01-15"}) {
                    action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-4", expectedVersion: 1, status: COMPLETE, date: "2026-06-01",
                    completedDate: "2026-02-15"}) { update { date completedDate } } }
                """).execute()
                .path("recordProgress.update.date").entity(String.class).isEqualTo("2026-06-01")
                .path("recordProgress.update.completedDate").entity(String.class).isEqualTo("2026-02-15");
        String asOf = """
                query($date: Date!) {
                    action(id: "action-m-4") { stateAsOf(date: $date) { status } updates { status completedDate } }
                    overdueActions(asOf: $date, first: 100) { edges { node { id } } }
                    progress(scope: {id: "board-hwbb", asOf: $date}) { complete byStatus { status count } } }
                """;
        hwbb.document(asOf).variable("date", "2026-04-30").execute()
                .path("action.stateAsOf.status").entity(String.class).isEqualTo("COMPLETE")
                .path("action.updates[0].completedDate").entity(String.class).isEqualTo("2026-02-15")
                .path("overdueActions.edges[*].node.id").entityList(String.class).doesNotContain("action-m-4")
                .path("progress.complete").entity(Integer.class).isEqualTo(1);
        hwbb.document(asOf).variable("date", "2026-02-10").execute()
                .path("action.stateAsOf.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("progress.complete").entity(Integer.class).isEqualTo(0);
        hwbb.document("""
                { progress(scope: {id: "board-hwbb"}) { trend(dates: ["2026-02-10", "2026-04-30"]) { asOf complete } } }
                """).execute()
                .path("progress.trend[*].complete").entityList(Integer.class).containsExactly(0, 1);
    }

    @Test
    void aCompletionCannotComeBeforeAnUpdateThatHadTheActionOpen() {
        String progress = """
                mutation($id: ID!, $v: Int!, $status: ActionStatus!, $date: Date, $completed: Date) {
                  recordProgress(input: {actionId: $id, expectedVersion: $v, status: $status, date: $date, completedDate: $completed}) {
                    action { version } } }
                """;
        hwbb.document(progress).variable("id", "action-m-1").variable("v", 0).variable("status", "COMPLETE")
                .variable("date", "2025-02-01").variable("completed", "2025-01-30").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "completedDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("before " + AS_OF))
                .verify();
        hwbb.document(progress).variable("id", "action-m-1").variable("v", 0).variable("status", "COMPLETE")
                .variable("date", "2025-02-01").variable("completed", "2025-02-01").execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(progress).variable("id", "action-m-1").variable("v", 1).variable("status", "IN_PROGRESS")
                .variable("date", "2025-03-01").execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);
        hwbb.document(progress).variable("id", "action-m-1").variable("v", 2).variable("status", "COMPLETE")
                .variable("date", "2025-04-01").variable("completed", "2025-02-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "completedDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("before 2025-03-01"))
                .verify();
        assertThat(count("MATCH (a:Action {id: 'action-m-1'}) RETURN a.version")).isEqualTo(2);
        assertThat(count("MATCH (:Action {id: 'action-m-1'})-[:HAS_UPDATE]->(u) RETURN count(u)")).isEqualTo(3);
        hwbb.document(progress).variable("id", "action-m-1").variable("v", 2).variable("status", "COMPLETE")
                .variable("date", "2025-04-01").variable("completed", "2025-03-20").execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(3);
        graphQl.document("{ action(id: \"action-m-1\") { stateAsOf(date: \"2025-03-10\") { status } } }").execute()
                .path("action.stateAsOf.status").entity(String.class).isEqualTo("IN_PROGRESS");

        actions(List.of("action-m-unknown"), "UNKNOWN", null, AS_OF);
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-m-unknown", "to", "board-hwbb")));
        hwbb.document(progress).variable("id", "action-m-unknown").variable("v", 0).variable("status", "COMPLETE")
                .variable("completed", "2024-12-01").execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void anActionEnteredFromPastMinutesStandsFromTheDateItWasAgreedAndCanBeCompletedSince() {
        String create = """
                mutation($asOf: Date) { createAction(input: {title: "Circulate the slides", accountableTo: "board-hwbb", ownerId: "post-lead",
                                                               startDate: "2025-01-15", dueDate: "2025-01-31", asOf: $asOf}) {
                    action { id version asOf status updates { date status } } } }
                """;
        hwbb.document(create).variable("asOf", "2099-01-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "asOf".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("cannot be in the future"))
                .verify();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        String id = hwbb.document(create).variable("asOf", "2025-01-15").execute()
                .path("createAction.action.asOf").entity(String.class).isEqualTo("2025-01-15")
                .path("createAction.action.updates[*].date").entityList(String.class).containsExactly("2025-01-15")
                .path("createAction.action.id").entity(String.class).get();
        hwbb.document("""
                mutation($id: ID!) { recordProgress(input: {actionId: $id, expectedVersion: 0, status: COMPLETE,
                                                            date: "2025-01-22", completedDate: "2025-01-20"}) {
                    action { status completedDate version } } }
                """).variable("id", id).execute()
                .path("recordProgress.action.status").entity(String.class).isEqualTo("COMPLETE")
                .path("recordProgress.action.completedDate").entity(String.class).isEqualTo("2025-01-20");
        hwbb.document("""
                query($id: ID!) { action(id: $id) { agreed: stateAsOf(date: "2025-01-16") { status }
                                                    done: stateAsOf(date: "2025-01-21") { status } } }
                """).variable("id", id).execute()
                .path("action.agreed.status").entity(String.class).isEqualTo("NOT_STARTED")
                .path("action.done.status").entity(String.class).isEqualTo("COMPLETE");
        auditor.document("""
                query($id: ID!) { action(id: $id) { stateAsOf(date: "2025-01-21") { status dueDate ownerId } } }
                """).variable("id", id).execute()
                .path("action.stateAsOf.status").entity(String.class).isEqualTo("COMPLETE")
                .path("action.stateAsOf.dueDate").entity(String.class).isEqualTo("2025-01-31")
                .path("action.stateAsOf.ownerId").entity(String.class).isEqualTo("post-lead");
        hwbb.document(create).variable("asOf", "2025-01-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("as " + id))
                .verify();
        auditor.document("query($a: ID!) { history(entityId: $a) { operation changes { field after } } }").variable("a", id).execute()
                .path("history[1].operation").entity(String.class).isEqualTo("createAction")
                .path("history[1].changes[?(@.field == 'asOf')].after").entityList(String.class).containsExactly("2025-01-15");
    }

    @Test
    void aCompletionRecordedBeforeUpdatesCarriedItsDateCountsFromItOnceTheSchemaIsApplied() {
        write("""
                MATCH (a:Action {id: 'action-m-3'})-[:HAS_UPDATE]->(first)
                SET a.status = 'COMPLETE', a.completedDate = date('2026-02-15'), a.asOf = date('2026-06-01')
                CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: 'update-old-complete', date: date('2026-06-01'), status: 'COMPLETE', seq: 1})
                """, Map.of(), false);
        String state = "{ action(id: \"action-m-3\") { stateAsOf(date: \"2026-04-30\") { status } } }";
        hosc.document(state).execute().path("action.stateAsOf.status").entity(String.class).isEqualTo("IN_PROGRESS");
        schemaInitializer.afterSingletonsInstantiated();
        hosc.document(state).execute().path("action.stateAsOf.status").entity(String.class).isEqualTo("COMPLETE");
    }

    @Test
    void aDependencyThatClosesACycleIsRefusedWithTheCycle() {
        hwbb.document("""
                mutation { addDependency(input: {actionId: "action-m-4", expectedVersion: 0, dependsOnId: "action-m-1"}) { action { id } } }
                """).execute().errors()
                .expect(e -> "DEPENDENCY_CYCLE".equals(e.getExtensions().get("code"))
                        && List.of("action-m-4", "action-m-1", "action-m-4").equals(e.getExtensions().get("cycle")))
                .verify();
        assertThat(count("MATCH (:Action {id: 'action-m-4'})-[d:DEPENDS_ON]->() RETURN count(d)")).isZero();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action {id: 'action-m-4'}) RETURN a.version")).isZero();
    }

    @Test
    void anActionCannotDependOnItself() {
        hwbb.document("""
                mutation { addDependency(input: {actionId: "action-m-4", expectedVersion: 0, dependsOnId: "action-m-4"}) { action { id } } }
                """).execute().errors()
                .expect(e -> "DEPENDENCY_CYCLE".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("cannot depend on itself: action-m-4"))
                .verify();
        assertThat(count("MATCH (:Action {id: 'action-m-4'})-[d:DEPENDS_ON]->() RETURN count(d)")).isZero();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
    }

    @Test
    void nothingCanComeToWaitOnACancelledAction() {
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-4", expectedVersion: 0, status: CANCELLED, commentary: "Dropped"}) {
                    action { status } } }
                """).execute().path("recordProgress.action.status").entity(String.class).isEqualTo("CANCELLED");
        hwbb.document("""
                mutation { addDependency(input: {actionId: "action-m-2", expectedVersion: 0, dependsOnId: "action-m-4"}) { action { id } } }
                """).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "dependsOnId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("action-m-4 is cancelled"))
                .verify();
        assertThat(count("MATCH (:Action {id: 'action-m-2'})-[d:DEPENDS_ON]->() RETURN count(d)")).isZero();
        assertThat(count("MATCH (h:HistoryEntry {entityId: 'action-m-2'}) RETURN count(h)")).isZero();
        assertThat(count("MATCH (a:Action {id: 'action-m-2'}) RETURN a.version")).isZero();
        hwbb.document("{ action(id: \"action-m-1\") { blockedBy { id status } } }").execute()
                .path("action.blockedBy[*].id").entityList(String.class).containsExactly("action-m-4");
        hwbb.document("""
                mutation { addDependency(input: {actionId: "action-m-1", expectedVersion: 0, dependsOnId: "action-m-4"}) {
                    action { version dependsOn { id } } } }
                """).execute()
                .path("addDependency.action.version").entity(Integer.class).isEqualTo(0)
                .path("addDependency.action.dependsOn[*].id").entityList(String.class).containsExactly("action-m-4");
    }

    @Test
    void removingADependencyOnSomethingThatIsNotAnActionSaysSoAsAddingDoes() {
        for (String mutation : List.of("addDependency", "removeDependency")) {
            hwbb.document("mutation { " + mutation + """
                    (input: {actionId: "action-m-1", expectedVersion: 0, dependsOnId: "board-hwbb"}) { action { id } } }
                    """).execute().errors()
                    .expect(e -> "VALIDATION".equals(e.getExtensions().get("code"))
                            && e.getMessage().contains("board-hwbb is not an Action"))
                    .verify();
            hwbb.document("mutation { " + mutation + """
                    (input: {actionId: "action-m-1", expectedVersion: 0, dependsOnId: "action-none"}) { action { id } } }
                    """).execute().errors()
                    .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "dependsOnId".equals(e.getExtensions().get("field")))
                    .verify();
            hwbb.document("mutation { " + mutation + """
                    (input: {actionId: "action-none", expectedVersion: 0, dependsOnId: "action-m-4"}) { action { id } } }
                    """).execute().errors()
                    .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code")))
                    .verify();
        }
        assertThat(count("MATCH (:Action {id: 'action-m-1'})-[d:DEPENDS_ON]->() RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void stateAsOfAPastDateUndoesLaterChanges() {
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-1", expectedVersion: 0, ownerId: "post-other", reason: "Handover"}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { updateAction(input: {id: "action-m-1", expectedVersion: 1, dueDate: "2026-09-30"}) { action { dueDate } } }
                """).execute().path("updateAction.action.dueDate").entity(String.class).isEqualTo("2026-09-30");
        as("auditor").document("""
                { action(id: "action-m-1") { now: stateAsOf(date: "2099-01-01") { ownerId dueDate status }
                                             then: stateAsOf(date: "2025-02-01") { ownerId dueDate status } } }
                """).execute()
                .path("action.now.ownerId").entity(String.class).isEqualTo("post-other")
                .path("action.now.dueDate").entity(String.class).isEqualTo("2026-09-30")
                .path("action.then.ownerId").entity(String.class).isEqualTo("post-lead")
                .path("action.then.dueDate").entity(String.class).isEqualTo("2026-03-31")
                .path("action.then.status").entity(String.class).isEqualTo("IN_PROGRESS");
    }

    @Test
    void concurrentProgressFromSeveralClientsLosesNoUpdate() throws Exception {
        int clients = 6;
        int attempts = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                GraphQlTester tester = c % 2 == 0 ? hwbb : as("admin");
                results.add(pool.submit(() -> {
                    int landed = 0;
                    for (int i = 0; i < attempts; i++) {
                        int version = tester.document("{ action(id: \"action-m-1\") { version } }").execute()
                                .path("action.version").entity(Integer.class).get();
                        GraphQlTester.Response response = tester.document(progress("action-m-1", version)).execute();
                        List<String> codes = new ArrayList<>();
                        response.errors().satisfy(errors -> errors.forEach(e -> codes.add((String) e.getExtensions().get("code"))));
                        if (codes.isEmpty()) {
                            landed++;
                        } else {
                            assertThat(codes).containsOnly("VERSION_CONFLICT");
                        }
                    }
                    return landed;
                }));
            }
            int landed = 0;
            for (Future<Integer> result : results) {
                landed += result.get();
            }
            assertThat(landed).isPositive();
            assertThat(count("MATCH (a:Action {id: 'action-m-1'}) RETURN a.version")).isEqualTo(landed);
            assertThat(count("MATCH (h:HistoryEntry {entityId: 'action-m-1'}) RETURN count(h)")).isEqualTo(landed);
            assertThat(count("MATCH (:Action {id: 'action-m-1'})-[:HAS_UPDATE]->(u) RETURN count(u)")).isEqualTo(landed + 1);
            assertThat(count("MATCH (a:Action {id: 'action-m-4'}) RETURN a.version")).as("no spurious change to a neighbour").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void subscribersReceiveCommittedChangesOnly() throws Exception {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            Flux<String> events = socket.document("subscription { actionChanged(boardId: \"board-hwbb\") { operation action { id version } } }")
                    .executeSubscription().toFlux("actionChanged", Map.class)
                    .map(change -> ((Map<?, ?>) change.get("action")).get("id") + " " + ((Map<?, ?>) change.get("action")).get("version"));
            CompletableFuture<String> first = events.next().toFuture();
            await("the service follows the changes for its subscriber", actionEvents::following);
            hwbb.document("""
                    mutation { recordProgress(input: {actionId: "action-m-1", expectedVersion: 0, status: OFF_TRACK}) { action { id } } }
                    """).execute().errors().expect(e -> "VALIDATION".equals(e.getExtensions().get("code"))).verify();
            hwbb.document(progress("action-m-1", 7)).execute().errors()
                    .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
            hosc.document(progress("action-m-1", 0)).execute().errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
            hosc.document(progress("action-m-3", 0)).execute().path("recordProgress.action.id").hasValue();
            hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.id").hasValue();
            assertThat(first.get(30, TimeUnit.SECONDS)).as("the first event is the committed change of the HWBB's sub-board")
                    .isEqualTo("action-m-2 1");
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
        await("the service stops following the changes once its subscriber has gone", () -> !actionEvents.following());
    }

    @Test
    void aSubscriptionOverAnHttpEventStreamReceivesCommittedChanges() throws Exception {
        withEventStreamClient(port, client -> {
            CompletableFuture<String> first = client.post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("query", "subscription { actionChanged(boardId: \"board-hwbb\") { operation action { id } } }"))
                    .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .filter(event -> "next".equals(event.event())).map(ServerSentEvent::data).next().toFuture();
            await("the service follows the changes for its subscriber", actionEvents::following);
            hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(first.get(30, TimeUnit.SECONDS)).contains("\"operation\":\"recordProgress\"").contains("action-m-2");
        });
    }

    @Test
    void anActionOwnedByABoardIsThatBoardsToChangeAndOneOfNoBoardIsForAdminsUntilAttached() throws Exception {
        actions(List.of("action-m-5", "action-m-6"), "IN_PROGRESS", LocalDate.of(2026, 3, 31), AS_OF);
        relate("OWNED_BY", List.of(Map.of("from", "action-m-5", "to", "board-hwbb-sub"),
                Map.of("from", "action-m-6", "to", "post-other")));
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            CompletableFuture<String> first = socket.document("subscription { actionChanged(boardId: \"board-hwbb\") { action { id } } }")
                    .executeSubscription().toFlux("actionChanged.action.id", String.class).next().toFuture();
            await("the service follows the changes for its subscriber", actionEvents::following);
            hosc.document(progress("action-m-5", 0)).execute().errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
            hwbb.document(progress("action-m-5", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(first.get(30, TimeUnit.SECONDS)).as("a board's subscriber hears of the actions its sub-board owns")
                    .isEqualTo("action-m-5");
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }

        hwbb.document(progress("action-m-6", 0)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("this item answers to no board")).verify();
        String attach = """
                mutation($id: ID!, $v: Int!, $board: ID) { updateAction(input: {id: $id, expectedVersion: $v, accountableTo: $board,
                    reason: "Minuted at the HWBB"}) { action { version accountableTo { id } } } }
                """;
        hwbb.document(attach).variable("id", "action-m-6").variable("v", 0).variable("board", "board-hwbb").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        as("admin").document(attach).variable("id", "action-m-6").variable("v", 0).variable("board", "board-hwbb").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(1)
                .path("updateAction.action.accountableTo.id").entity(String.class).isEqualTo("board-hwbb");
        hwbb.document(progress("action-m-6", 1)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);
        auditor.document("{ history(entityId: \"action-m-6\") { operation changes { field before after } } }").execute()
                .path("history[?(@.operation == 'updateAction')].changes[*]").entityList(Map.class)
                .satisfies(changes -> assertThat(changes).singleElement().satisfies(change -> assertThat(change)
                        .containsEntry("field", "accountableTo").containsEntry("before", null).containsEntry("after", "board-hwbb")));

        hwbb.document(attach).variable("id", "action-m-1").variable("v", 0).variable("board", "board-hosc").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(attach).variable("id", "action-m-1").variable("v", 0).variable("board", "post-lead").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(attach).variable("id", "action-m-1").variable("v", 0).variable("board", "board-hwbb-sub").execute()
                .path("updateAction.action.accountableTo.id").entity(String.class).isEqualTo("board-hwbb-sub");
        assertThat(count("MATCH (:Action {id: 'action-m-1'})-[r:ACCOUNTABLE_TO]->() RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (:Action {id: 'action-m-3'})-[:ACCOUNTABLE_TO]->(:Board {id: 'board-hosc'}) RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void aSecretariatAddsAMilestoneAndRecordsItReachedAndTheHistorySaysSo() {
        String add = """
                mutation($title: String!, $v: Int!) { addMilestone(input: {actionId: "action-m-1", expectedVersion: $v, title: $title,
                    dueDate: "2025-03-31", reason: "Agreed at the January meeting"}) {
                    milestone { id title dueDate reachedDate action { id } } action { version milestones { id } } } }
                """;
        hosc.document(add).variable("title", "Draft ready").variable("v", 0).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(add).variable("title", "\u00A0").variable("v", 0).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "title".equals(e.getExtensions().get("field")))
                .verify();
        assertThat(count("MATCH (m:Milestone) RETURN count(m)")).isZero();
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();

        Map<String, Object> added = hwbb.document(add).variable("title", " Draft ready ").variable("v", 0).execute()
                .path("addMilestone.action.version").entity(Integer.class).isEqualTo(1)
                .path("addMilestone.milestone").entity(Map.class).get();
        String id = (String) added.get("id");
        assertThat(added).containsEntry("title", "Draft ready").containsEntry("dueDate", "2025-03-31")
                .containsEntry("reachedDate", null).containsEntry("action", Map.of("id", "action-m-1"));

        String reach = """
                mutation($id: ID!, $v: Int!, $date: Date!) { reachMilestone(input: {milestoneId: $id, expectedVersion: $v, reachedDate: $date}) {
                    milestone { reachedDate } action { version } } }
                """;
        hwbb.document(reach).variable("id", id).variable("v", 1).variable("date", "2999-01-01").execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(reach).variable("id", id).variable("v", 1).variable("date", LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString())
                .execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "reachedDate".equals(e.getExtensions().get("field")))
                .verify();
        hwbb.document(reach).variable("id", id).variable("v", 0).variable("date", "2025-03-20").execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(reach).variable("id", "milestone-nobody").variable("v", 1).variable("date", "2025-03-20").execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(reach).variable("id", id).variable("v", 1).variable("date", "2025-03-20").execute()
                .path("reachMilestone.milestone.reachedDate").entity(String.class).isEqualTo("2025-03-20")
                .path("reachMilestone.action.version").entity(Integer.class).isEqualTo(2);
        hwbb.document(reach).variable("id", id).variable("v", 2).variable("date", "2025-03-20").execute()
                .path("reachMilestone.action.version").entity(Integer.class).isEqualTo(2);

        auditor.document("{ history(entityId: \"action-m-1\") { operation reason changes { field before after } } }").execute()
                .path("history[*].operation").entityList(String.class).containsExactly("reachMilestone", "addMilestone")
                .path("history[1].reason").entity(String.class).isEqualTo("Agreed at the January meeting")
                .path("history[0].changes[?(@.field == 'milestone.reachedDate')].after").entityList(String.class)
                .containsExactly("2025-03-20")
                .path("history[0].changes[?(@.field == 'milestone')].before").entityList(String.class).containsExactly(id)
                .path("history[0].changes[?(@.field == 'milestone')].after").entityList(String.class).containsExactly(id)
                .path("history[1].changes[?(@.field == 'milestone')].before").entityList(String.class).containsExactly((String) null)
                .path("history[1].changes[?(@.field == 'milestone')].after").entityList(String.class).containsExactly(id);
    }

    @Test
    void aMilestoneIsNotReachedBeforeItsActionStartsNorTheStartMovedPastAReachedMilestone() {
        String id = hwbb.document("""
                mutation { addMilestone(input: {actionId: "action-m-2", expectedVersion: 0, title: "Draft ready"}) { milestone { id } } }
                """).execute().path("addMilestone.milestone.id").entity(String.class).get();
        String start = "mutation($v: Int!, $start: Date!) { updateAction(input: {id: \"action-m-2\", expectedVersion: $v, "
                + "startDate: $start}) { action { version startDate } } }";
        hwbb.document(start).variable("v", 1).variable("start", "2025-02-01").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(2);
        String reach = """
                mutation($id: ID!, $v: Int!, $date: Date!) { reachMilestone(input: {milestoneId: $id, expectedVersion: $v, reachedDate: $date}) {
                    milestone { reachedDate } action { version } } }
                """;
        hwbb.document(reach).variable("id", id).variable("v", 2).variable("date", "2025-01-20").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "reachedDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("start date (2025-02-01)"))
                .verify();
        assertThat(count("MATCH (m:Milestone {id: '" + id + "'}) WHERE m.reachedDate IS NULL RETURN count(m)")).isEqualTo(1);
        hwbb.document(reach).variable("id", id).variable("v", 2).variable("date", "2025-02-10").execute()
                .path("reachMilestone.action.version").entity(Integer.class).isEqualTo(3);

        hwbb.document(start).variable("v", 3).variable("start", "2025-03-01").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "startDate".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains(id + " was reached (2025-02-10)"))
                .verify();
        assertThat(count("MATCH (a:Action {id: 'action-m-2'}) WHERE a.startDate = date('2025-02-01') RETURN a.version")).isEqualTo(3);
        hwbb.document(start).variable("v", 3).variable("start", "2025-02-10").execute()
                .path("updateAction.action.startDate").entity(String.class).isEqualTo("2025-02-10")
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(4);
        hwbb.document(start).variable("v", 4).variable("start", "2025-01-01").execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void aMilestonesNewDueDateDropsTheWordingOfTheOldOneUnlessWordedAgain() {
        String id = hwbb.document("""
                mutation { addMilestone(input: {actionId: "action-m-1", expectedVersion: 0, title: "Draft ready",
                    dueDate: "2025-09-30", timescale: "Q2"}) { milestone { id } } }
                """).execute().path("addMilestone.milestone.id").entity(String.class).get();
        String update = """
                mutation($id: ID!, $v: Int!, $due: Date, $timescale: String) { updateMilestone(input: {milestoneId: $id,
                    expectedVersion: $v, dueDate: $due, timescale: $timescale}) { milestone { dueDate timescale } action { version } } }
                """;
        hwbb.document(update).variable("id", id).variable("v", 1).variable("due", "2025-09-30").execute()
                .path("updateMilestone.milestone.timescale").entity(String.class).isEqualTo("Q2")
                .path("updateMilestone.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(update).variable("id", id).variable("v", 1).variable("due", "2025-12-31").variable("timescale", "Q3")
                .execute().path("updateMilestone.milestone.timescale").entity(String.class).isEqualTo("Q3");
        hwbb.document(update).variable("id", id).variable("v", 2).variable("due", "2026-03-31").execute()
                .path("updateMilestone.milestone.dueDate").entity(String.class).isEqualTo("2026-03-31")
                .path("updateMilestone.milestone.timescale").valueIsNull();
        auditor.document("{ history(entityId: \"action-m-1\") { changes { field before after } } }").execute()
                .path("history[0].changes[?(@.field == 'milestone.timescale')].before").entityList(String.class).containsExactly("Q3");
    }

    @Test
    void aSecretariatCorrectsAndRemovesAMilestoneAndTheHistoryKeepsWhatItSaid() {
        String id = hwbb.document("""
                mutation { addMilestone(input: {actionId: "action-m-1", expectedVersion: 0, title: "Draft redy",
                    dueDate: "2025-03-31", timescale: "Q4"}) { milestone { id } } }
                """).execute().path("addMilestone.milestone.id").entity(String.class).get();
        String update = """
                mutation($id: ID!, $v: Int!, $title: String, $due: Date, $timescale: String) {
                    updateMilestone(input: {milestoneId: $id, expectedVersion: $v, title: $title, dueDate: $due,
                        timescale: $timescale, reason: "Typo"}) {
                    milestone { title dueDate timescale } action { version } } }
                """;
        hosc.document(update).variable("id", id).variable("v", 1).variable("title", "Draft ready").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(update).variable("id", id).variable("v", 1).variable("title", " \u200B").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "title".equals(e.getExtensions().get("field")))
                .verify();
        hwbb.document(update).variable("id", id).variable("v", 0).variable("title", "Draft ready").execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(update).variable("id", "milestone-nobody").variable("v", 1).variable("title", "Draft ready").execute()
                .errors().expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("MATCH (m:Milestone {title: 'Draft redy', timescale: 'Q4'}) RETURN count(m)")).isEqualTo(1);

        hwbb.document(update).variable("id", id).variable("v", 1).variable("title", "Draft ready").variable("timescale", " ")
                .execute()
                .path("updateMilestone.milestone.title").entity(String.class).isEqualTo("Draft ready")
                .path("updateMilestone.milestone.dueDate").entity(String.class).isEqualTo("2025-03-31")
                .path("updateMilestone.milestone.timescale").valueIsNull()
                .path("updateMilestone.action.version").entity(Integer.class).isEqualTo(2);
        hwbb.document(update).variable("id", id).variable("v", 2).variable("title", "Draft ready").execute()
                .path("updateMilestone.action.version").entity(Integer.class).isEqualTo(2);

        String remove = """
                mutation($id: ID!, $v: Int!) { removeMilestone(input: {milestoneId: $id, expectedVersion: $v, reason: "Dropped"}) {
                    milestoneId action { version milestones { id } } } }
                """;
        hosc.document(remove).variable("id", id).variable("v", 2).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(remove).variable("id", id).variable("v", 1).execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("MATCH (m:Milestone) RETURN count(m)")).isEqualTo(1);
        hwbb.document(remove).variable("id", id).variable("v", 2).execute()
                .path("removeMilestone.milestoneId").entity(String.class).isEqualTo(id)
                .path("removeMilestone.action.version").entity(Integer.class).isEqualTo(3)
                .path("removeMilestone.action.milestones").entityList(Object.class).hasSize(0);
        assertThat(count("MATCH (m:Milestone) RETURN count(m)")).isZero();
        hwbb.document(remove).variable("id", id).variable("v", 3).execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();

        auditor.document("{ history(entityId: \"action-m-1\") { operation reason changes { field before after } } }").execute()
                .path("history[*].operation").entityList(String.class)
                .containsExactly("removeMilestone", "updateMilestone", "addMilestone")
                .path("history[1].changes[?(@.field == 'milestone.title')].before").entityList(String.class)
                .containsExactly("Draft redy")
                .path("history[1].changes[?(@.field == 'milestone.timescale')].before").entityList(String.class)
                .containsExactly("Q4")
                .path("history[0].reason").entity(String.class).isEqualTo("Dropped")
                .path("history[0].changes[?(@.field == 'milestone.title')].before").entityList(String.class)
                .containsExactly("Draft ready")
                .path("history[0].changes[?(@.field == 'milestone')].before").entityList(String.class)
                .containsExactly(id);
    }

    @Test
    void theOwningBoardMayNotTakeAnActionFromTheBoardItAnswersToAndTheBoardThatLosesOneHearsOfIt() throws Exception {
        relate("OWNED_BY", List.of(Map.of("from", "action-m-3", "to", "board-hwbb")));
        String move = """
                mutation($v: Int!, $board: ID) { updateAction(input: {id: "action-m-3", expectedVersion: $v, accountableTo: $board}) {
                    action { version accountableTo { id } } } }
                """;
        hwbb.document(progress("action-m-3", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(move).variable("v", 1).variable("board", "board-hwbb").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code")) && e.getMessage().contains("board-hosc")).verify();
        assertThat(count("MATCH (:Action {id: 'action-m-3'})-[:ACCOUNTABLE_TO]->(:Board {id: 'board-hosc'}) RETURN count(*)")).isEqualTo(1);

        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        try {
            CompletableFuture<String> first = socket.document("subscription { actionChanged(boardId: \"board-hosc\") { operation action { id } } }")
                    .executeSubscription().toFlux("actionChanged.operation", String.class).next().toFuture();
            await("the service follows the changes for its subscriber", actionEvents::following);
            as("admin").document(move).variable("v", 1).variable("board", "board-hwbb").execute()
                    .path("updateAction.action.accountableTo.id").entity(String.class).isEqualTo("board-hwbb");
            assertThat(first.get(30, TimeUnit.SECONDS)).as("HOSC hears that its action went").isEqualTo("updateAction");
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void anHttpEventStreamStaysOpenPastTheServletContainersAsyncTimeoutAndIsKeptAlive() throws Exception {
        withEventStreamClient(port, client -> {
            BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            Disposable stream = client.post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("query", "subscription { actionChanged(boardId: \"board-hwbb\") { operation action { id } } }"))
                    .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                    .subscribe(events::add, ended::completeExceptionally, () -> ended.complete(null));
            try {
                await("the service follows the changes for its subscriber", actionEvents::following);
                Thread.sleep(Duration.ofSeconds(35));
                assertThat(ended).as("Tomcat's default async timeout (30 s) does not end the stream").isNotDone();
                hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
                List<ServerSentEvent<String>> seen = new ArrayList<>();
                ServerSentEvent<String> event;
                do {
                    event = events.poll(30, TimeUnit.SECONDS);
                    assertThat(event).as("an event after the wait").isNotNull();
                    seen.add(event);
                } while (!"next".equals(event.event()));
                assertThat(event.data()).contains("action-m-2");
                assertThat(seen).as("keep-alive comments while the board was quiet")
                        .anySatisfy(e -> assertThat(e.event()).isNull());
            } finally {
                stream.dispose();
            }
        });
        await("the service stops following the changes once the stream's client has gone", () -> !actionEvents.following());
    }

    @Test
    void aSubscriptionToAnUnknownBoardOrToAnotherKindOfEntityIsNotFound() {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        String subscribe = "subscription($board: ID) { actionChanged(boardId: $board) { operation } }";
        try {
            Map.of("board-hwbbb", List.of("NOT_FOUND", "No board has id board-hwbbb: subscribe with a board's id"),
                    "post-lead", List.of("NOT_FOUND", "post-lead is a Post, not a board: subscribe with a board's id"),
                    " ", List.of("VALIDATION", "boardId: must not be blank: give the id of an existing node, or leave boardId out"))
                    .forEach((id, expected) -> assertThatThrownBy(() -> socket.document(subscribe).variable("board", id)
                            .executeSubscription().toFlux().blockFirst(TIMEOUT))
                            .isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                                    .singleElement().satisfies(error -> {
                                        assertThat(error.getExtensions()).containsEntry("code", expected.get(0));
                                        assertThat(error.getMessage()).contains(expected.get(1));
                                    })));
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void eachSubscriptionEventReadsItsNestedFieldsAfresh() throws Exception {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        Disposable subscription = socket.document("""
                subscription($today: Date!) { actionChanged(boardId: "board-hwbb") {
                    action { id version stateAsOf(date: $today) { status } dependsOn { id } } } }
                """).variable("today", today).executeSubscription()
                .toFlux("actionChanged.action", Map.class)
                .subscribe(a -> states.add(a.get("id") + " " + a.get("version") + " "
                        + ((Map<?, ?>) a.get("stateAsOf")).get("status") + " " + a.get("dependsOn")));
        try {
            await("the service follows the changes for its subscriber", actionEvents::following);
            hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(states.poll(30, TimeUnit.SECONDS)).isEqualTo("action-m-2 1 IN_PROGRESS []");
            hwbb.document("""
                    mutation { addDependency(input: {actionId: "action-m-2", expectedVersion: 1, dependsOnId: "action-m-1"}) {
                        action { version } } }
                    """).execute().path("addDependency.action.version").entity(Integer.class).isEqualTo(2);
            assertThat(List.of(states.poll(30, TimeUnit.SECONDS), states.poll(30, TimeUnit.SECONDS)))
                    .as("the dependent's event and that of the action it now depends on, whose history has it too")
                    .containsExactlyInAnyOrder("action-m-2 2 IN_PROGRESS [{id=action-m-1}]", "action-m-1 0 IN_PROGRESS [{id=action-m-4}]");
            hwbb.document("""
                    mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 2, status: AT_RISK, commentary: "Slipping"}) {
                        action { version } } }
                    """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(3);
            assertThat(states.poll(30, TimeUnit.SECONDS)).as("the event after the first, with a state read afresh")
                    .isEqualTo("action-m-2 3 AT_RISK [{id=action-m-1}]");
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aChangeToAnActionThatCannotBeReadDoesNotStopTheOthersEvents() throws Exception {
        try (Events events = hwbbEvents("action { id version }", c -> ((Map<?, ?>) c.get("action")).get("id") + " "
                + ((Map<?, ?>) c.get("action")).get("version"))) {
            write("""
                    MATCH (a:Action {id: 'action-m-4'}) SET a.weight = 'heavy'
                    CREATE (h:HistoryEntry {id: 'history-unreadable', at: datetime(), user: 'someone', role: 'ADMIN',
                                            entityId: a.id, operation: 'updateAction', changes: '[]'})-[:ABOUT]->(a)
                    """, Map.of(), false);
            Thread.sleep(1500);
            hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(events.next()).as("the next readable change, after one that cannot be read").isEqualTo("action-m-2 1");
        }
    }

    @Test
    void aChangeCommittedAfterReadsThatRanBeforeItsCommitArrivesAndOneRolledBackNever() throws Exception {
        String entry = """
                MATCH (a:Action {id: $action})
                CREATE (h:HistoryEntry {id: $id, at: datetime(), user: 'another-instance', role: 'ADMIN', entityId: a.id,
                                        operation: $operation, changes: '[]'})-[:ABOUT]->(a)
                """;
        try (Events events = hwbbEvents("action { id } operation", c -> ((Map<?, ?>) c.get("action")).get("id") + " " + c.get("operation"))) {
            try (Session lateSession = driver.session(); Transaction late = lateSession.beginTransaction();
                 Session abandonedSession = driver.session(); Transaction abandoned = abandonedSession.beginTransaction()) {
                late.run(entry, Map.of("action", "action-m-2", "id", "history-late", "operation", "committedLate")).consume();
                abandoned.run(entry, Map.of("action", "action-m-4", "id", "history-abandoned", "operation", "rolledBack")).consume();
                Thread.sleep(1500);
                abandoned.rollback();
                late.commit();
            }
            assertThat(events.next()).as("stamped before reads that could not see it, committed after them")
                    .isEqualTo("action-m-2 committedLate");
            hwbb.document(progress("action-m-1", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
            assertThat(events.next()).as("the next change; the rolled-back one never arrives").isEqualTo("action-m-1 recordProgress");
        }
    }

    /**
     * A subscription to the HWBB's changes, selecting {@code selection} of each, on a WebSocket of its
     * own, once the service follows the changes; each event is described by {@code describe}.
     */
    private Events hwbbEvents(String selection, Function<Map<?, ?>, String> describe) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).build();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Disposable subscription = socket.document("subscription { actionChanged(boardId: \"board-hwbb\") { " + selection + " } }")
                .executeSubscription().toFlux("actionChanged", Map.class).subscribe(change -> received.add(describe.apply(change)));
        Events events = new Events(socket, subscription, received);
        await("the service follows the changes for its subscriber", actionEvents::following);
        return events;
    }

    /** The events of a subscription, and closing it: the subscription and its WebSocket. */
    private record Events(WebSocketGraphQlTester socket, Disposable subscription, BlockingQueue<String> received) implements AutoCloseable {

        /** The next event's description, or null after 30 seconds without one. */
        String next() throws InterruptedException {
            return received.poll(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void anActionCannotBeCreatedFromAnotherBoardsDecision() {
        String decision = hwbbDecision("RESOLVED: the Board agreed the plan.");
        hosc.document("""
                mutation($d: ID!) { createAction(input: {title: "Scrutinise it", accountableTo: "board-hosc", decisionId: $d}) {
                    action { id } } }
                """).variable("d", decision).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        assertThat(count("MATCH (a:Action) RETURN count(a)")).isEqualTo(4);
        assertThat(count("MATCH (:Decision)-[c:CREATED]->() RETURN count(c)")).isZero();
    }

    @Test
    void progressWithoutAPercentageCarriesTheLastOneForward() {
        hwbb.document(progress("action-m-2", 0)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 1, status: AT_RISK, commentary: "Slipping"}) {
                    update { percentComplete } } }
                """).execute()
                .path("recordProgress.update.percentComplete").entity(Integer.class).isEqualTo(50);
        graphQl.document("{ progress(scope: {id: \"board-hwbb-sub\"}) { total weightedPercentComplete } }").execute()
                .path("progress.total").entity(Integer.class).isEqualTo(1)
                .path("progress.weightedPercentComplete").entity(Double.class).isEqualTo(50.0);
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() {
        String title = hwbb.document("{ action(id: \"action-m-1\") { title } }").execute().path("action.title").entity(String.class).get();
        hwbb.document("""
                mutation($title: String) { updateAction(input: {id: "action-m-1", expectedVersion: 0, title: $title}) { action { version } } }
                """).variable("title", title).execute().path("updateAction.action.version").entity(Integer.class).isEqualTo(0);
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-1", expectedVersion: 0, ownerId: "post-lead"}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(0);
        assertThat(count("MATCH (h:HistoryEntry) RETURN count(h)")).isZero();
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-1", expectedVersion: 0, ownerId: "post-other"}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aSecretariatSetsAnActionsWeightAndLeadTime() {
        String created = hosc.document("""
                mutation { createAction(input: {title: "Heavy", accountableTo: "board-hosc", weight: 3}) { action { id weight } } }
                """).execute().path("createAction.action.weight").entity(Double.class).isEqualTo(3.0)
                .path("createAction.action.id").entity(String.class).get();
        hosc.document("""
                mutation { recordProgress(input: {actionId: "action-m-3", expectedVersion: 0, status: IN_PROGRESS, percentComplete: 60}) {
                    action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        String roll = "{ progress(scope: {id: \"board-hosc\"}) { total weightedPercentComplete } }";
        graphQl.document(roll).execute().path("progress.total").entity(Integer.class).isEqualTo(2)
                .path("progress.weightedPercentComplete").entity(Double.class).isEqualTo(15.0);
        hosc.document("""
                mutation($id: ID!) { updateAction(input: {id: $id, expectedVersion: 0, weight: 1, leadTimeDays: 15, reason: "Re-planned"}) {
                    action { version weight leadTimeDays } } }
                """).variable("id", created).execute()
                .path("updateAction.action.version").entity(Integer.class).isEqualTo(1)
                .path("updateAction.action.weight").entity(Double.class).isEqualTo(1.0)
                .path("updateAction.action.leadTimeDays").entity(Integer.class).isEqualTo(15);
        graphQl.document(roll).execute().path("progress.weightedPercentComplete").entity(Double.class).isEqualTo(30.0);
        auditor.document("query($id: ID!) { history(entityId: $id) { operation changes { field before after } } }")
                .variable("id", created).execute()
                .path("history[0].changes[?(@.field == 'weight')].before").entityList(String.class).containsExactly("3.0")
                .path("history[0].changes[?(@.field == 'weight')].after").entityList(String.class).containsExactly("1.0")
                .path("history[0].changes[?(@.field == 'leadTimeDays')].after").entityList(String.class).containsExactly("15")
                .path("history[1].changes[?(@.field == 'weight')].after").entityList(String.class).containsExactly("3.0");
    }

    @Test
    void progressDatedBeforeTheLatestUpdateIsRefused() {
        hwbb.document("""
                mutation { recordProgress(input: {actionId: "action-m-2", expectedVersion: 0, status: COMPLETE,
                    completedDate: "2025-01-30", date: "2025-01-01"}) { action { version } } }
                """).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "date".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains(AS_OF.toString()))
                .verify();
        assertThat(count("MATCH (a:Action {id: 'action-m-2'}) RETURN a.version")).isZero();
        assertThat(count("MATCH (:Action {id: 'action-m-2'})-[:HAS_UPDATE]->(u) RETURN count(u)")).isEqualTo(1);
    }

    @Test
    void linkingAnotherDecisionReplacesTheFirstAndTheHistorySaysSo() {
        String first = hwbbDecision("RESOLVED: first.");
        String second = hwbbDecision("RESOLVED: second.");
        String link = """
                mutation($d: ID!, $v: Int!) { linkDecision(input: {decisionId: $d, actionId: "action-m-1", expectedVersion: $v}) {
                    action { version decision { id } } } }
                """;
        hwbb.document(link).variable("d", first).variable("v", 0).execute()
                .path("linkDecision.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(link).variable("d", second).variable("v", 1).execute()
                .path("linkDecision.action.version").entity(Integer.class).isEqualTo(2)
                .path("linkDecision.action.decision.id").entity(String.class).isEqualTo(second);
        hwbb.document(link).variable("d", second).variable("v", 2).execute()
                .path("linkDecision.action.version").entity(Integer.class).isEqualTo(2);
        String third = hwbbDecision("RESOLVED: third.");
        hwbb.document(link).variable("d", third).variable("v", 0).execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code")) && e.getMessage().contains("action-m-1"))
                .verify();
        assertThat(count("MATCH (:Decision)-[c:CREATED]->(:Action {id: 'action-m-1'}) RETURN count(c)")).isEqualTo(1);
        auditor.document("{ history(entityId: \"action-m-1\") { operation changes { field before after } } }").execute()
                .path("history[*].operation").entityList(String.class).containsExactly("linkDecision", "linkDecision")
                .path("history[0].changes[0].before").entity(String.class).isEqualTo(first)
                .path("history[0].changes[0].after").entity(String.class).isEqualTo(second);
        String decisionHistory = "query($d: ID!) { history(entityId: $d) { operation changes { field before after } } }";
        auditor.document(decisionHistory).variable("d", first).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("linkDecision", "linkDecision", "recordDecision")
                .path("history[0].changes[0].field").entity(String.class).isEqualTo("action")
                .path("history[0].changes[0].before").entity(String.class).isEqualTo("action-m-1")
                .path("history[0].changes[0].after").valueIsNull()
                .path("history[1].changes[0].after").entity(String.class).isEqualTo("action-m-1");
        auditor.document(decisionHistory).variable("d", second).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("linkDecision", "recordDecision")
                .path("history[0].changes[0].after").entity(String.class).isEqualTo("action-m-1");
    }

    @Test
    void aMeetingOrDecisionRecordedAgainIsRefusedNamingTheOneRecorded() {
        String record = """
                mutation($t: String) { recordMeeting(input: {boardId: "board-hwbb", date: "2025-03-12", title: $t}) { meeting { id } } }
                """;
        String meeting = hwbb.document(record).variable("t", "March meeting").execute()
                .path("recordMeeting.meeting.id").entity(String.class).get();
        hwbb.document(record).variable("t", " march MEETING ").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "date".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("recorded already, as " + meeting))
                .verify();
        String extraordinary = hwbb.document(record).variable("t", "Extraordinary meeting").execute()
                .path("recordMeeting.meeting.id").entity(String.class).get();
        assertThat(extraordinary).isNotEqualTo(meeting);
        String decide = """
                mutation($m: ID!, $t: String!) { recordDecision(input: {meetingId: $m, text: $t}) { decision { id } } }
                """;
        List<String> decisions = new ArrayList<>();
        for (String text : List.of("RESOLVED: third-party review.", "RESOLVED: an annual report.", "RESOLVED: budget noted.")) {
            decisions.add(hwbb.document(decide).variable("m", meeting).variable("t", text).execute()
                    .path("recordDecision.decision.id").entity(String.class).get());
        }
        hwbb.document(decide).variable("m", meeting).variable("t", "resolved: an annual report. ").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "text".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("recorded as " + decisions.get(1)))
                .verify();
        hwbb.document("query($m: ID!) { meeting(id: $m) { decisions { id } } }").variable("m", meeting).execute()
                .path("meeting.decisions[*].id").entityList(String.class).containsExactly(decisions.toArray(String[]::new));
        assertThat(count("MATCH (m:Meeting)-[:OF]->(:Board {id: 'board-hwbb'}) RETURN count(m)")).isEqualTo(2);
        auditor.document("""
                query($m: ID!) { board: history(entityId: "board-hwbb") { operation changes { field after } }
                                 meeting: history(entityId: $m) { operation changes { field after } } }
                """).variable("m", meeting).execute()
                .path("board[*].operation").entityList(String.class).containsExactly("recordMeeting", "recordMeeting")
                .path("board[1].changes[0].after").entity(String.class).isEqualTo(meeting)
                .path("meeting[*].operation").entityList(String.class)
                .containsExactly("recordDecision", "recordDecision", "recordDecision", "recordMeeting")
                .path("meeting[0].changes[0].field").entity(String.class).isEqualTo("decision")
                .path("meeting[0].changes[0].after").entity(String.class).isEqualTo(decisions.get(2));
    }

    @Test
    void theSameWordingUnderAnotherItemNumberIsAnotherDecision() {
        String meeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-04-09"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String decide = """
                mutation($m: ID!, $n: String) { recordDecision(input: {meetingId: $m, number: $n, text: "RESOLVED: Members noted the report."}) {
                    decision { id version } } }
                """;
        String five = hwbb.document(decide).variable("m", meeting).variable("n", "5").execute()
                .path("recordDecision.decision.id").entity(String.class).get();
        String seven = hwbb.document(decide).variable("m", meeting).variable("n", "7").execute()
                .path("recordDecision.decision.id").entity(String.class).get();
        assertThat(seven).isNotEqualTo(five);
        for (String again : List.of(" 5 ", "")) {
            hwbb.document(decide).variable("m", meeting).variable("n", again).execute().errors()
                    .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "text".equals(e.getExtensions().get("field"))
                            && e.getMessage().contains("took this decision already"))
                    .verify();
        }
        String renumber = """
                mutation($d: ID!, $v: Int!, $n: String) {
                    updateDecision(input: {decisionId: $d, expectedVersion: $v, number: $n}) { decision { number version } } }
                """;
        hwbb.document(renumber).variable("d", seven).variable("v", 0).variable("n", "5").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("recorded as " + five))
                .verify();
        hwbb.document(renumber).variable("d", seven).variable("v", 0).variable("n", "9").execute()
                .path("updateDecision.decision.number").entity(String.class).isEqualTo("9")
                .path("updateDecision.decision.version").entity(Integer.class).isEqualTo(1);
        assertThat(count("MATCH (:Meeting {id: '" + meeting + "'})-[:DECIDED]->(d:Decision) RETURN count(d)")).isEqualTo(2);
    }

    @Test
    void aSecretariatCorrectsAMeetingAndADecisionAtTheirVersions() {
        String meeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2052-01-15", title: "Janury meeting", location: "Room 1"}) {
                    meeting { id version } } }
                """).execute().path("recordMeeting.meeting.version").entity(Integer.class).isEqualTo(0)
                .path("recordMeeting.meeting.id").entity(String.class).get();
        String update = """
                mutation($m: ID!, $v: Int!, $d: Date, $t: String, $l: String) {
                    updateMeeting(input: {meetingId: $m, expectedVersion: $v, date: $d, title: $t, location: $l, reason: "Year mistyped"}) {
                        meeting { version date title location } } }
                """;
        hwbb.document(update).variable("m", meeting).variable("v", 0).variable("d", "2025-01-15").variable("t", "January meeting")
                .variable("l", " ").execute()
                .path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1)
                .path("updateMeeting.meeting.date").entity(String.class).isEqualTo("2025-01-15")
                .path("updateMeeting.meeting.title").entity(String.class).isEqualTo("January meeting")
                .path("updateMeeting.meeting.location").valueIsNull();
        hwbb.document(update).variable("m", meeting).variable("v", 0).variable("t", "Other").execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
        hosc.document(update).variable("m", meeting).variable("v", 1).variable("t", "Other").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(update).variable("m", "meeting-none").variable("v", 0).variable("t", "Other").execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(update).variable("m", meeting).variable("v", 1).variable("t", "January meeting").execute()
                .path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("query($m: ID!) { meeting(id: $m) { title version } }").variable("m", meeting).execute()
                .path("meeting.title").entity(String.class).isEqualTo("January meeting")
                .path("meeting.version").entity(Integer.class).isEqualTo(1);
        String other = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-15"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        hwbb.document(update).variable("m", meeting).variable("v", 1).variable("t", "").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("recorded already, as " + other))
                .verify();

        String decision = hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: "RESOLVED: the plan was aproved.", number: "7"}) {
                    decision { id version } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
        String correct = """
                mutation($d: ID!, $v: Int!, $t: String, $n: String) {
                    updateDecision(input: {decisionId: $d, expectedVersion: $v, text: $t, number: $n}) { decision { version text number } } }
                """;
        hwbb.document(correct).variable("d", decision).variable("v", 0).variable("t", "  ").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "text".equals(e.getExtensions().get("field")))
                .verify();
        hwbb.document(correct).variable("d", decision).variable("v", 0).variable("t", "RESOLVED: the plan was approved.")
                .variable("n", "").execute()
                .path("updateDecision.decision.version").entity(Integer.class).isEqualTo(1)
                .path("updateDecision.decision.text").entity(String.class).isEqualTo("RESOLVED: the plan was approved.")
                .path("updateDecision.decision.number").valueIsNull();
        hwbb.document(correct).variable("d", "decision-none").variable("v", 0).variable("t", "x").execute().errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("code"))).verify();
        hosc.document(correct).variable("d", decision).variable("v", 1).variable("t", "x").execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        String second = hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: "RESOLVED: a review."}) { decision { id } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
        hwbb.document(correct).variable("d", second).variable("v", 0).variable("t", "resolved: the plan was approved.").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("recorded as " + decision))
                .verify();
        hwbb.document(update).variable("m", meeting).variable("v", 1).variable("d", "2099-01-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("has decisions recorded"))
                .verify();

        hwbb.document("query($d: ID!) { node(id: $d) { ... on Decision { text version } } }").variable("d", second).execute()
                .path("node.text").entity(String.class).isEqualTo("RESOLVED: a review.")
                .path("node.version").entity(Integer.class).isEqualTo(0);
        auditor.document("""
                query($m: ID!, $d: ID!) { meeting: history(entityId: $m) { operation reason changes { field before after } }
                                          decision: history(entityId: $d) { operation changes { field before after } } }
                """).variable("m", meeting).variable("d", decision).execute()
                .path("meeting[*].operation").entityList(String.class)
                .containsExactly("recordDecision", "recordDecision", "updateMeeting", "recordMeeting")
                .path("meeting[2].reason").entity(String.class).isEqualTo("Year mistyped")
                .path("meeting[2].changes[*].field").entityList(String.class).containsExactly("date", "title", "location")
                .path("meeting[2].changes[0].before").entity(String.class).isEqualTo("2052-01-15")
                .path("meeting[2].changes[2].before").entity(String.class).isEqualTo("Room 1")
                .path("decision[0].operation").entity(String.class).isEqualTo("updateDecision")
                .path("decision[0].changes[0].before").entity(String.class).isEqualTo("RESOLVED: the plan was aproved.")
                .path("decision[0].changes[1].before").entity(String.class).isEqualTo("7");
    }

    @Test
    void aMeetingIsRecordedWithThePeoplePresent() {
        write("CREATE (:Person:Node {id: 'person-chair', name: 'A Chair'}), (:Person:Node {id: 'person-member', name: 'A Member'})",
                Map.of(), false);
        String record = """
                mutation($a: [ID!]) { recordMeeting(input: {boardId: "board-hwbb", date: "2025-02-12", attendeeIds: $a}) {
                    meeting { id attendees { id } } } }
                """;
        hwbb.document(record).variable("a", List.of("person-chair", "post-lead", "person-none")).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "attendeeIds".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("no person has id post-lead, person-none"))
                .verify();
        assertThat(count("MATCH (m:Meeting) RETURN count(m)")).isZero();
        String meeting = hwbb.document(record).variable("a", List.of("person-member", "person-chair", "person-member")).execute()
                .path("recordMeeting.meeting.attendees[*].id").entityList(String.class)
                .contains("person-chair", "person-member").hasSize(2)
                .path("recordMeeting.meeting.id").entity(String.class).get();
        auditor.document("query($m: ID!) { history(entityId: $m) { changes { field after } } }").variable("m", meeting).execute()
                .path("history[0].changes[?(@.field == 'attendees')].after").entityList(String.class)
                .containsExactly("person-chair, person-member");

        hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2099-02-12", attendeeIds: ["person-chair"]}) {
                    meeting { id } } }
                """).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "attendeeIds".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("is on 2099-02-12, after today"))
                .verify();
        assertThat(count("MATCH (m:Meeting) RETURN count(m)")).isEqualTo(1);
        hwbb.document("""
                mutation($m: ID!) { updateMeeting(input: {meetingId: $m, expectedVersion: 0, date: "2099-02-12"}) { meeting { date } } }
                """).variable("m", meeting).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "date".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("has people recorded as present"))
                .verify();
        hwbb.document("query($m: ID!) { meeting(id: $m) { date version } }").variable("m", meeting).execute()
                .path("meeting.date").entity(String.class).isEqualTo("2025-02-12")
                .path("meeting.version").entity(Integer.class).isEqualTo(0);

        String present = """
                mutation($m: ID!, $v: Int!, $a: [ID!]) { updateMeeting(input: {meetingId: $m, expectedVersion: $v, attendeeIds: $a}) {
                    meeting { version attendees { id } } } }
                """;
        String planned = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2099-03-12"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        hwbb.document(present).variable("m", planned).variable("v", 0).variable("a", List.of("person-chair")).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "attendeeIds".equals(e.getExtensions().get("field")))
                .verify();
        hwbb.document("query($m: ID!) { meeting(id: $m) { version attendees { id } } }").variable("m", planned).execute()
                .path("meeting.version").entity(Integer.class).isEqualTo(0)
                .path("meeting.attendees").entityList(Object.class).hasSize(0);
        hwbb.document(present).variable("m", meeting).variable("v", 0).variable("a", List.of("person-member", "person-chair", "person-chair"))
                .execute().path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(0);
        hwbb.document(present).variable("m", meeting).variable("v", 0).variable("a", List.of("person-chair")).execute()
                .path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1)
                .path("updateMeeting.meeting.attendees[*].id").entityList(String.class).containsExactly("person-chair");
        hwbb.document(present).variable("m", meeting).variable("v", 1).variable("a", List.of("person-chair")).execute()
                .path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(present).variable("m", meeting).variable("v", 1).variable("a", List.of()).execute()
                .path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(2)
                .path("updateMeeting.meeting.attendees").entityList(Object.class).hasSize(0);
        auditor.document("query($m: ID!) { history(entityId: $m) { operation changes { field before after } } }").variable("m", meeting)
                .execute()
                .path("history[*].operation").entityList(String.class).containsExactly("updateMeeting", "updateMeeting", "recordMeeting")
                .path("history[1].changes[0].field").entity(String.class).isEqualTo("attendees")
                .path("history[1].changes[0].before").entity(String.class).isEqualTo("person-chair, person-member")
                .path("history[1].changes[0].after").entity(String.class).isEqualTo("person-chair")
                .path("history[0].changes[0].after").valueIsNull();
    }

    @Test
    void meetingsAndDecisionsRefuseWhatCannotBeRight() {
        String record = """
                mutation($b: ID!, $d: Date!) { recordMeeting(input: {boardId: $b, date: $d}) { meeting { id } } }
                """;
        hwbb.document(record).variable("b", "post-lead").variable("d", "2025-01-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("post-lead is not a Board"))
                .verify();
        hwbb.document(record).variable("b", "board-none").variable("d", "2025-01-15").execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && e.getMessage().contains("no board has id board-none"))
                .verify();
        String future = hwbb.document(record).variable("b", "board-hwbb").variable("d", "2099-01-15").execute()
                .path("recordMeeting.meeting.id").entity(String.class).get();
        hwbb.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: "RESOLVED: noted."}) { decision { id } } }
                """).variable("m", future).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "meetingId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("is on 2099-01-15, after today"))
                .verify();
        assertThat(count("MATCH (d:Decision) RETURN count(d)")).isZero();
        hwbb.document("{ meetings(filter: {from: \"2025-02-01\", to: \"2025-01-01\"}) { totalCount } }").execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("is after filter.to"))
                .verify();
    }

    @Test
    void anActionCanBeUnlinkedFromTheDecisionLinkedInError() {
        String decision = hwbbDecision("RESOLVED: linked in error.");
        hwbb.document("""
                mutation($d: ID!) { linkDecision(input: {decisionId: $d, actionId: "action-m-1", expectedVersion: 0}) { action { version } } }
                """).variable("d", decision).execute().path("linkDecision.action.version").entity(Integer.class).isEqualTo(1);
        String unlink = """
                mutation($v: Int!) { unlinkDecision(input: {actionId: "action-m-1", expectedVersion: $v, reason: "Minuted in error"}) {
                    action { version decision { id } } } }
                """;
        hosc.document(unlink).variable("v", 1).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(unlink).variable("v", 0).execute().errors()
                .expect(e -> "VERSION_CONFLICT".equals(e.getExtensions().get("code"))).verify();
        hwbb.document(unlink).variable("v", 1).execute()
                .path("unlinkDecision.action.version").entity(Integer.class).isEqualTo(2)
                .path("unlinkDecision.action.decision").valueIsNull();
        hwbb.document(unlink).variable("v", 2).execute()
                .path("unlinkDecision.action.version").entity(Integer.class).isEqualTo(2);
        auditor.document("""
                query($d: ID!) { action: history(entityId: "action-m-1") { operation reason changes { field before after } }
                                 decision: history(entityId: $d) { operation changes { field before after } } }
                """).variable("d", decision).execute()
                .path("action[*].operation").entityList(String.class).containsExactly("unlinkDecision", "linkDecision")
                .path("action[0].reason").entity(String.class).isEqualTo("Minuted in error")
                .path("action[0].changes[0].before").entity(String.class).isEqualTo(decision)
                .path("action[0].changes[0].after").valueIsNull()
                .path("decision[*].operation").entityList(String.class).containsExactly("unlinkDecision", "linkDecision", "recordDecision")
                .path("decision[0].changes[0].before").entity(String.class).isEqualTo("action-m-1");
    }

    @Test
    void theActionADependencyIsOnHasItInItsHistoryToo() {
        String change = """
                mutation($v: Int!) { %s(input: {actionId: "action-m-2", expectedVersion: $v, dependsOnId: "action-m-3", reason: "Needs the review"}) {
                    action { version } } }
                """;
        hwbb.document(change.formatted("addDependency")).variable("v", 0).execute()
                .path("addDependency.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(change.formatted("removeDependency")).variable("v", 1).execute()
                .path("removeDependency.action.version").entity(Integer.class).isEqualTo(2);
        auditor.document("{ history(entityId: \"action-m-3\") { operation user reason changes { field before after } } action(id: \"action-m-3\") { version } }")
                .execute()
                .path("history[*].operation").entityList(String.class).containsExactly("removeDependency", "addDependency")
                .path("history[*].user").entityList(String.class).containsExactly("hwbb-secretariat", "hwbb-secretariat")
                .path("history[1].reason").entity(String.class).isEqualTo("Needs the review")
                .path("history[1].changes[0].field").entity(String.class).isEqualTo("dependent")
                .path("history[1].changes[0].after").entity(String.class).isEqualTo("action-m-2")
                .path("history[0].changes[0].before").entity(String.class).isEqualTo("action-m-2")
                .path("action.version").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void eachMutationOfOneRequestAnswersWithWhatTheOnesBeforeItChanged() {
        Map<String, Object> answer = hwbb.document("""
                mutation {
                  first: addDependency(input: {actionId: "action-m-1", expectedVersion: 0, dependsOnId: "action-m-2"}) {
                    action { upstream { actions { action { id } } } dependsOn { id } } }
                  second: addDependency(input: {actionId: "action-m-1", expectedVersion: 1, dependsOnId: "action-m-3"}) {
                    action { upstream { actions { action { id } } } dependsOn { id } } }
                  owner: assignOwner(input: {actionId: "action-m-1", expectedVersion: 2, ownerId: "board-hwbb"}) {
                    action { owner { ... on Board { id } ... on Post { id } } } }
                }
                """).execute().path("").entity(Map.class).get();
        assertThat(ids(answer, "first", "upstream")).containsExactlyInAnyOrder("action-m-4", "action-m-2");
        assertThat(ids(answer, "second", "upstream")).containsExactlyInAnyOrder("action-m-4", "action-m-2", "action-m-3");
        assertThat(ids(answer, "second", "dependsOn")).containsExactlyInAnyOrder("action-m-4", "action-m-2", "action-m-3");
        assertThat(answer).extractingByKey("owner").isEqualTo(Map.of("action", Map.of("owner", Map.of("id", "board-hwbb"))));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> answer, String alias, String field) {
        Map<String, Object> action = (Map<String, Object>) ((Map<String, Object>) answer.get(alias)).get("action");
        List<Map<String, Object>> items = field.equals("upstream")
                ? (List<Map<String, Object>>) ((Map<String, Object>) action.get("upstream")).get("actions")
                : (List<Map<String, Object>>) action.get(field);
        return items.stream().map(item -> (String) (item.containsKey("action") ? ((Map<String, Object>) item.get("action")).get("id") : item.get("id")))
                .toList();
    }

    @Test
    void addingADependencyTwiceChangesNothingTheSecondTime() {
        String add = """
                mutation($v: Int!) { addDependency(input: {actionId: "action-m-2", expectedVersion: $v, dependsOnId: "action-m-3"}) {
                    action { version dependsOn { id } } } }
                """;
        hwbb.document(add).variable("v", 0).execute().path("addDependency.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(add).variable("v", 1).execute().path("addDependency.action.version").entity(Integer.class).isEqualTo(1)
                .path("addDependency.action.dependsOn[*].id").entityList(String.class).containsExactly("action-m-3");
        assertThat(count("MATCH (h:HistoryEntry {entityId: 'action-m-2'}) RETURN count(h)")).isEqualTo(1);
    }

    @Test
    void theHistoryNamesEveryFieldAMutationChanges() {
        write("MATCH (a:Action {id: 'action-m-1'}) SET a.statusText = 'Under way', a.ownerText = 'The lead officer'", Map.of(), false);
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-1", expectedVersion: 0, ownerId: "post-other"}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(1);
        hwbb.document(progress("action-m-1", 1)).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(2);
        auditor.document("{ history(entityId: \"action-m-1\") { operation changes { field before after } } }").execute()
                .path("history[0].changes[*].field").entityList(String.class).contains("statusText", "asOf")
                .path("history[1].changes[*].field").entityList(String.class).containsExactly("ownerId", "ownerText");
    }

    @Test
    void clearingTheOwnerAlsoClearsTheDocumentsWordingOfIt() {
        write("MATCH (a:Action {id: 'action-m-4'}) SET a.ownerText = 'Thurrock CCG'", Map.of(), false);
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-4", expectedVersion: 0}) { action { version owner { __typename } ownerText } } }
                """).execute()
                .path("assignOwner.action.version").entity(Integer.class).isEqualTo(1)
                .path("assignOwner.action.ownerText").valueIsNull();
        auditor.document("{ history(entityId: \"action-m-4\") { changes { field before after } } }").execute()
                .path("history[0].changes[*].before").entityList(String.class).containsExactly("Thurrock CCG");
        hwbb.document("""
                mutation { assignOwner(input: {actionId: "action-m-4", expectedVersion: 1}) { action { version } } }
                """).execute().path("assignOwner.action.version").entity(Integer.class).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherBoardsChanges")
    void aSecretariatChangesNothingOfAnotherBoard(String name, String mutation) {
        refusedAndNothingWritten(hosc, "FORBIDDEN", mutation);
    }

    @ParameterizedTest(name = "{2} as {0}")
    @MethodSource("everyChangeByEveryReader")
    void aReaderChangesNothing(String caller, String code, String name, String mutation) {
        refusedAndNothingWritten(caller.equals("anonymous") ? graphQl : as(caller), code, mutation);
    }

    /**
     * Sends {@code mutation} (one of {@link #otherBoardsChanges}) as {@code caller}, with a meeting
     * and decision of the HWBB and a decision of the HOSC recorded first, and expects error
     * {@code code} and the database as it was.
     */
    private void refusedAndNothingWritten(GraphQlTester caller, String code, String mutation) {
        String hwbbMeeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-15"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String hwbbDecision = decision(hwbb, hwbbMeeting);
        String hoscMeeting = hosc.document("""
                mutation { recordMeeting(input: {boardId: "board-hosc", date: "2025-01-16"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String hoscDecision = decision(hosc, hoscMeeting);
        long before = count(FINGERPRINT);
        caller.document(mutation).variable("hwbbMeeting", hwbbMeeting).variable("hwbbDecision", hwbbDecision)
                .variable("hoscDecision", hoscDecision).execute().errors()
                .expect(e -> code.equals(e.getExtensions().get("code"))).verify();
        assertThat(count(FINGERPRINT)).as("nothing written").isEqualTo(before);
    }

    /** Each of {@link #otherBoardsChanges} tried by a partner, an auditor and a caller not signed in. */
    static Stream<Arguments> everyChangeByEveryReader() {
        return Stream.of(Arguments.of("partner", "FORBIDDEN"), Arguments.of("auditor", "FORBIDDEN"),
                Arguments.of("anonymous", "UNAUTHENTICATED")).flatMap(caller -> otherBoardsChanges()
                        .map(change -> Arguments.of(caller.get()[0], caller.get()[1], change.get()[0], change.get()[1])));
    }

    /** Every mutation the HOSC secretariat may not make on the HWBB's actions, meetings and decisions. */
    static Stream<Arguments> otherBoardsChanges() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("createAction", "createAction(input: {title: \"x\", accountableTo: \"board-hwbb\"}) { action { id } }");
        changes.put("updateAction", "updateAction(input: {id: \"action-m-1\", expectedVersion: 0, title: \"x\"}) { action { id } }");
        changes.put("recordProgress", "recordProgress(input: {actionId: \"action-m-1\", expectedVersion: 0, status: AT_RISK}) { action { id } }");
        changes.put("assignOwner", "assignOwner(input: {actionId: \"action-m-1\", expectedVersion: 0, ownerId: \"post-other\"}) { action { id } }");
        changes.put("addDependency", "addDependency(input: {actionId: \"action-m-1\", expectedVersion: 0, dependsOnId: \"action-m-3\"}) { action { id } }");
        changes.put("removeDependency", "removeDependency(input: {actionId: \"action-m-1\", expectedVersion: 0, dependsOnId: \"action-m-4\"}) { action { id } }");
        changes.put("recordMeeting", "recordMeeting(input: {boardId: \"board-hwbb\", date: \"2025-02-01\"}) { meeting { id } }");
        changes.put("recordDecision", "recordDecision(input: {meetingId: $hwbbMeeting, text: \"x\"}) { decision { id } }");
        changes.put("linkDecision, the other board's decision",
                "linkDecision(input: {decisionId: $hwbbDecision, actionId: \"action-m-3\", expectedVersion: 0}) { action { id } }");
        changes.put("linkDecision, the other board's action",
                "linkDecision(input: {decisionId: $hoscDecision, actionId: \"action-m-1\", expectedVersion: 0}) { action { id } }");
        changes.put("createAction from the other board's decision",
                "createAction(input: {title: \"x\", accountableTo: \"board-hosc\", decisionId: $hwbbDecision}) { action { id } }");
        changes.put("unlinkDecision, the other board's action",
                "unlinkDecision(input: {actionId: \"action-m-1\", expectedVersion: 0}) { action { id } }");
        changes.put("updateMeeting", "updateMeeting(input: {meetingId: $hwbbMeeting, expectedVersion: 0, title: \"x\"}) { meeting { id } }");
        changes.put("updateDecision", "updateDecision(input: {decisionId: $hwbbDecision, expectedVersion: 0, text: \"x\"}) { decision { id } }");
        return changes.entrySet().stream().map(e -> Arguments.of(e.getKey(), "mutation" + variables(e.getValue())
                + " { " + e.getValue() + " }"));
    }

    /** The declarations of the variables {@code field} uses, all IDs. */
    private static String variables(String field) {
        List<String> used = Stream.of("hwbbMeeting", "hwbbDecision", "hoscDecision")
                .filter(name -> field.contains("$" + name)).map(name -> "$" + name + ": ID!").toList();
        return used.isEmpty() ? "" : "(" + String.join(", ", used) + ")";
    }

    private static String decision(GraphQlTester tester, String meeting) {
        return tester.document("""
                mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: "RESOLVED: agreed."}) { decision { id } } }
                """).variable("m", meeting).execute().path("recordDecision.decision.id").entity(String.class).get();
    }

    @Test
    void aSecretariatReplacesNoDecisionOfABoardItDoesNotServe() {
        String hwbbMeeting = hwbb.document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-15"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String hwbbDecision = decision(hwbb, hwbbMeeting);
        write("MATCH (d:Decision {id: $d}), (a:Action {id: 'action-m-3'}) CREATE (d)-[:CREATED]->(a)",
                Map.of("d", hwbbDecision), false);
        String hoscMeeting = hosc.document("""
                mutation { recordMeeting(input: {boardId: "board-hosc", date: "2025-01-16"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        String hoscDecision = decision(hosc, hoscMeeting);
        String link = """
                mutation($d: ID!) { linkDecision(input: {decisionId: $d, actionId: "action-m-3", expectedVersion: 0,
                    reason: "Minuted at our meeting"}) { action { version decision { id } } } }
                """;
        long before = count(FINGERPRINT);

        hosc.document(link).variable("d", hoscDecision).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))
                        && e.getMessage().contains("board-hwbb")).verify();
        hosc.document("""
                mutation { unlinkDecision(input: {actionId: "action-m-3", expectedVersion: 0}) { action { version } } }
                """).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code")) && e.getMessage().contains("board-hwbb")).verify();

        assertThat(count(FINGERPRINT)).as("nothing written").isEqualTo(before);
        as("admin").document(link).variable("d", hoscDecision).execute()
                .path("linkDecision.action.version").entity(Integer.class).isEqualTo(1)
                .path("linkDecision.action.decision.id").entity(String.class).isEqualTo(hoscDecision);
        auditor.document("query { history(entityId: \"action-m-3\") { changes { field before after } } }").execute()
                .path("history[0].changes[0].before").entity(String.class).isEqualTo(hwbbDecision);
    }

    @Test
    void overdueActionsOfAPastDateKeepAnActionCompletedSinceAndLeaveOutOneCompletedBeforeThoughRecordedLater() {
        String overdue = "query($asOf: Date) { overdueActions(asOf: $asOf, first: 100) { edges { node { id } } } }";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        hwbb.document("""
                mutation($done: Date!) { recordProgress(input: {actionId: "action-m-2", expectedVersion: 0, status: COMPLETE,
                    completedDate: $done}) { action { version } } }
                """).variable("done", today.toString()).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        hosc.document("""
                mutation { recordProgress(input: {actionId: "action-m-3", expectedVersion: 0, status: COMPLETE,
                    completedDate: "2026-05-01"}) { action { version } } }
                """).execute().path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        graphQl.document(overdue).variable("asOf", "2026-04-15").execute()
                .path("overdueActions.edges[*].node.id").entityList(String.class)
                .containsExactly("action-m-1", "action-m-2", "action-m-3", "action-m-4");
        graphQl.document(overdue).variable("asOf", "2026-06-01").execute()
                .path("overdueActions.edges[*].node.id").entityList(String.class)
                .containsExactly("action-m-1", "action-m-2", "action-m-4");
        graphQl.document(overdue).variable("asOf", today.plusDays(1).toString()).execute()
                .path("overdueActions.edges[*].node.id").entityList(String.class)
                .containsExactly("action-m-1", "action-m-4");
    }

    /** A decision with {@code text} at a meeting of the HWBB of its own. */
    private String hwbbDecision(String text) {
        String meeting = hwbb.document("""
                mutation($t: String!) { recordMeeting(input: {boardId: "board-hwbb", date: "2025-01-15", title: $t}) { meeting { id } } }
                """).variable("t", "January meeting: " + text).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        return hwbb.document("""
                mutation($m: ID!, $t: String!) { recordDecision(input: {meetingId: $m, text: $t}) { decision { id } } }
                """).variable("m", meeting).variable("t", text).execute().path("recordDecision.decision.id").entity(String.class).get();
    }

    /**
     * Runs {@code test} with a client of its own for an event stream, and closes the client's
     * connections afterwards, so that the service sees the stream's client go (cancelling the
     * stream alone leaves its connection open).
     */
    private static void withEventStreamClient(int port, EventStreamTest test) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            test.run(WebClient.builder().baseUrl("http://localhost:" + port).clientConnector(new JdkClientHttpConnector(http)).build());
        } finally {
            http.shutdownNow();
        }
    }

    /** A test that uses an event-stream client. */
    private interface EventStreamTest {
        void run(WebClient client) throws Exception;
    }

    private static String progress(String actionId, int version) {
        return "mutation { recordProgress(input: {actionId: \"" + actionId + "\", expectedVersion: " + version
                + ", status: IN_PROGRESS, rag: GREEN, percentComplete: 50, commentary: \"On track\"}) { action { id version } } }";
    }
}
