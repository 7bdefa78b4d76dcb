package org.partnershipgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partnershipgraph.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Loading the seed again ({@code partnership.seed.mode=ALWAYS} at a restart) into a database whose
 * actions have since been changed through the API keeps those changes: the status, owner and
 * dependencies a secretariat recorded stay, with their versions and history, and nothing is
 * doubled. Its own database, since it writes.
 */
class SeedReloadTest extends ServiceTestBase {

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("partnership.neo4j.embedded.data-directory", DATA::toString);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    SeedLoader loader;

    @Autowired
    SeedProperties properties;

    @Test
    void aReloadRestatesAnActionNobodyChangedFromItsRecord() {
        String id = "action-001-arrs-recruitment-support";
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (a:Action {id: $id})-[:HAS_UPDATE]->(u:ProgressUpdate {id: $id + '-as-stated'})
                    SET a.status = 'ON_HOLD', a.rag = 'AMBER', a.retired = 'a field the seed no longer has',
                        u.status = 'ON_HOLD', u.rag = 'AMBER'
                    """, Map.of("id", id)).consume());
        }
        long relationships = count("MATCH (:Action {id: '" + id + "'})-[r]-() RETURN count(r)");

        loader.load(properties.location());

        graphQl.document("""
                query($id: ID!) { action(id: $id) { status rag version updates { status rag } ragAssessment { reason } } }
                """).variable("id", id).execute()
                .path("action.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("action.rag").valueIsNull()
                .path("action.version").entity(Integer.class).isEqualTo(0)
                .path("action.updates[0].status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("action.updates[0].rag").valueIsNull()
                .path("action.ragAssessment.reason").entity(String.class).satisfies(reason -> assertThat(reason).doesNotStartWith("given"));
        assertThat(count("MATCH (a:Action {id: '" + id + "'}) WHERE a.retired IS NOT NULL RETURN count(a)")).isZero();
        assertThat(count("MATCH (:Action {id: '" + id + "'})-[r]-() RETURN count(r)")).isEqualTo(relationships);
    }

    @Test
    void aFieldTheSeedNoLongerGivesIsRemovedFromEveryKindOfRecordOnReload() {
        String organisation = "org-thurrock-council";
        String milestone;
        try (Session session = driver.session()) {
            milestone = session.executeWrite(tx -> tx.run("""
                    MATCH (m:Milestone)<-[:HAS_MILESTONE]-(a:Action) WHERE m.reachedDate IS NOT NULL AND coalesce(a.version, 0) = 0
                    WITH m ORDER BY m.id LIMIT 1
                    MATCH (o:Organisation {id: $org})
                    MATCH (b:Board {id: 'board-hwbb'})
                    SET m.retired = 'gone', o.retired = 'gone', o.shortName = 'Wrong', b.writes = 41
                    RETURN m.id AS id
                    """, Map.of("org", organisation)).single().get("id").asString());
        }

        loader.load(properties.location());

        assertThat(count("MATCH (n:Node) WHERE n.retired IS NOT NULL RETURN count(n)")).isZero();
        assertThat(count("MATCH (m:Milestone {id: '" + milestone + "'}) WHERE m.reachedDate IS NOT NULL RETURN count(m)")).isEqualTo(1);
        graphQl.document("query($id: ID!) { organisation(id: $id) { shortName } }").variable("id", organisation).execute()
                .path("organisation.shortName").valueIsNull();
        assertThat(count("MATCH (b:Board {id: 'board-hwbb'}) RETURN b.writes")).as("the board's lock count is kept").isEqualTo(41);
    }

    @Test
    void aSeededMeetingTheApiMovedLeavesItsOldDateAndTitleFreeForAnother() {
        String seeded = "meeting-003-hosc-2018-11-08";
        HttpGraphQlTester admin = as("admin");
        admin.document("""
                mutation($id: ID!) { updateMeeting(input: {meetingId: $id, expectedVersion: 0, date: "2018-11-09", reason: "Held a day later"}) {
                    meeting { version } } }
                """).variable("id", seeded).execute().path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1);
        String recorded = admin.document("""
                mutation { recordMeeting(input: {boardId: "board-hosc", date: "2018-11-08",
                    title: "Health and Wellbeing Overview and Scrutiny Committee, 8 November 2018"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();

        loader.load(properties.location());

        assertThat(count("MATCH (m:Meeting {id: '" + seeded + "'}) WHERE m.date = date('2018-11-09') AND m.version = 1 RETURN count(m)"))
                .as("the seeded meeting as the API moved it").isEqualTo(1);
        assertThat(count("MATCH (m:Meeting {id: '" + recorded + "'}) WHERE m.date = date('2018-11-08') RETURN count(m)"))
                .as("the one recorded on its old date").isEqualTo(1);
    }

    @Test
    void aSeededDecisionTheApiRecordedFirstUnderAnotherIdIsRefusedNotMadeTwice() {
        String seeded = "decision-001-hwbb-2021-07-23-minutes-approved";
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("MATCH (d:Decision {id: $seeded}) DETACH DELETE d", Map.of("seeded", seeded)).consume());
        }
        String recorded = as("admin").document("""
                mutation { recordDecision(input: {meetingId: "meeting-001-hwbb-2021-07-23", number: "2",
                    text: "  the minutes of the Health and Wellbeing Board meeting held on 28 January 2021 were approved as a correct record. "}) {
                    decision { id } } }
                """).execute().path("recordDecision.decision.id").entity(String.class).get();
        long before = count("MATCH (n) RETURN count(n)");
        try {
            assertThatThrownBy(() -> loader.load(properties.location()))
                    .isInstanceOf(SeedValidationException.class)
                    .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).singleElement()
                            .satisfies(problem -> assertThat(problem.toString()).contains("(" + seeded + ")")
                                    .contains("already holds this decision as " + recorded)));
            assertThat(count("MATCH (n) RETURN count(n)")).as("nothing written").isEqualTo(before);
        } finally {
            try (Session session = driver.session()) {
                session.executeWrite(tx -> tx.run("MATCH (d:Decision {id: $id}) DETACH DELETE d", Map.of("id", recorded)).consume());
            }
            loader.load(properties.location());
        }
        assertThat(count("MATCH (:Meeting {id: 'meeting-001-hwbb-2021-07-23'})-[:DECIDED]->(d:Decision {id: '" + seeded + "'}) RETURN count(d)"))
                .isEqualTo(1);
    }

    @Test
    void aSeededMeetingTheApiRecordedFirstUnderAnotherIdIsRefusedNotMadeTwice() {
        String seeded = "meeting-003-hosc-2019-01-24";
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (s:Meeting {id: $seeded})-[:OF]->(b:Board)
                    CREATE (m:Meeting:Node {id: 'meeting-recorded-first', date: s.date, title: '  ' + toUpper(s.title) + ' ', version: 0})-[:OF]->(b)
                    WITH s
                    DETACH DELETE s
                    """, Map.of("seeded", seeded)).consume());
        }
        long before = count("MATCH (n) RETURN count(n)");
        try {
            assertThatThrownBy(() -> loader.load(properties.location()))
                    .isInstanceOf(SeedValidationException.class)
                    .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).singleElement()
                            .satisfies(problem -> assertThat(problem.toString()).contains("(" + seeded + ")")
                                    .contains("meeting-recorded-first")));
            assertThat(count("MATCH (n) RETURN count(n)")).as("nothing written").isEqualTo(before);
        } finally {
            try (Session session = driver.session()) {
                session.executeWrite(tx -> tx.run("MATCH (m:Meeting {id: 'meeting-recorded-first'}) DETACH DELETE m").consume());
            }
            loader.load(properties.location());
        }
        assertThat(count("MATCH (m:Meeting {id: '" + seeded + "'}) RETURN count(m)")).isEqualTo(1);
    }

    @Test
    void aChangeCommittedWhileTheSeedLoadsIsKept() throws Exception {
        String id = "action-001-arrs-03-time-management-training";
        try (Session session = driver.session(); Transaction change = session.beginTransaction()) {
            change.run("MATCH (a:Action {id: $id}) SET a.writes = coalesce(a.writes, 0) + 1", Map.of("id", id)).consume();
            CompletableFuture<Map<String, Integer>> load = CompletableFuture.supplyAsync(() -> loader.load(properties.location()));
            await("the seed load waiting for the action's lock", () -> count("""
                    SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*)
                    """) > 0 || load.isDone());
            change.run("MATCH (a:Action {id: $id}) SET a.status = 'AT_RISK', a.rag = 'AMBER', a.version = 1",
                    Map.of("id", id)).consume();
            change.commit();
            load.get(2, TimeUnit.MINUTES);
        }

        graphQl.document("""
                query($id: ID!) { action(id: $id) { status rag version } }
                """).variable("id", id).execute()
                .path("action.status").entity(String.class).isEqualTo("AT_RISK")
                .path("action.rag").entity(String.class).isEqualTo("AMBER")
                .path("action.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aReloadKeepsTheMeetingsAndDecisionsTheApiCorrected() {
        HttpGraphQlTester hwbb = as("hwbb-secretariat");
        hwbb.document("""
                mutation { updateMeeting(input: {meetingId: "meeting-001-hwbb-2021-07-23", expectedVersion: 0, title: "Health and Wellbeing Board",
                                                 attendeeIds: ["person-ian-wake"]}) {
                    meeting { version } } }
                """).execute().path("updateMeeting.meeting.version").entity(Integer.class).isEqualTo(1);
        hwbb.document("""
                mutation { updateDecision(input: {decisionId: "decision-001-hwbb-2021-07-23-minutes-approved", expectedVersion: 0,
                    number: "2 (minutes)"}) { decision { version } } }
                """).execute().path("updateDecision.decision.version").entity(Integer.class).isEqualTo(1);
        long before = count(FINGERPRINT);

        loader.load(properties.location());

        assertThat(count(FINGERPRINT)).as("nodes, relationships and versions").isEqualTo(before);
        hwbb.document("""
                { meeting(id: "meeting-001-hwbb-2021-07-23") { title version attendees { id }
                    decisions { id number version } } }
                """).execute()
                .path("meeting.title").entity(String.class).isEqualTo("Health and Wellbeing Board")
                .path("meeting.attendees[*].id").entityList(String.class).containsExactly("person-ian-wake")
                .path("meeting.version").entity(Integer.class).isEqualTo(1)
                .path("meeting.decisions[?(@.id == 'decision-001-hwbb-2021-07-23-minutes-approved')].number").entityList(String.class)
                .containsExactly("2 (minutes)");
    }

    @Test
    void aReloadDropsACitationTheSeedNoLongerGives() {
        String query = """
                query { board(id: "board-hosc") { sources { document { id } lines quote } } }
                """;
        List<Map<String, Object>> seeded = graphQl.document(query).execute().path("board.sources").entityList(MAP).get();
        String doc = (String) ((Map<?, ?>) seeded.getFirst().get("document")).get("id");
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (b:Board {id: 'board-hosc'}), (d:SourceDocument {id: $doc})
                    CREATE (b)-[:CITED_IN {lines: '19', firstLine: 19, quote: 'Substitutes'}]->(d)
                    """, Map.of("doc", doc)).consume());
        }
        graphQl.document(query).execute().path("board.sources").entityList(MAP).hasSize(seeded.size() + 1);

        loader.load(properties.location());

        graphQl.document(query).execute().path("board.sources").entityList(MAP).isEqualTo(seeded);
    }

    @Test
    void aReloadMakesAFormerHolderFormer() {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (p:Person {id: 'person-ian-wake'})-[h:HELD]->(post:Post {id: 'post-tc-director-of-public-health'})
                    DELETE h CREATE (p)-[:HOLDS {rank: 1}]->(post)
                    """).consume());
        }
        String holders = "{ person(id: \"person-jo-broadbent\") { posts { holders { id } } } }";
        graphQl.document(holders).execute().path("person.posts[0].holders").entityList(Object.class).hasSize(2);

        loader.load(properties.location());

        graphQl.document(holders).execute().path("person.posts[0].holders[*].id").entityList(String.class)
                .containsExactly("person-jo-broadbent");
        assertThat(count("MATCH (:Person {id: 'person-ian-wake'})-[h:HOLDS|HELD]->(:Post {id: 'post-tc-director-of-public-health'}) "
                + "RETURN count(h)")).isEqualTo(1);
    }

    @Test
    void aReloadKeepsWhatTheApiChanged() {
        HttpGraphQlTester admin = as("admin");
        Record seeded;
        try (Session session = driver.session()) {
            seeded = session.run("""
                    MATCH (a:Action)-[:DEPENDS_ON]->(b:Action), (a)-[:OWNED_BY]->(o)
                    RETURN a.id AS id, b.id AS dependsOn, o.id AS owner, a.status AS status ORDER BY a.id LIMIT 1
                    """).single();
        }
        String id = seeded.get("id").asString();
        String otherOwner = "org-healthwatch-thurrock".equals(seeded.get("owner").asString()) ? "org-thurrock-council"
                : "org-healthwatch-thurrock";
        String newStatus = "OFF_TRACK".equals(seeded.get("status").asString()) ? "AT_RISK" : "OFF_TRACK";
        admin.document("""
                mutation($id: ID!, $status: ActionStatus!) { recordProgress(input: {actionId: $id, expectedVersion: 0,
                    status: $status, commentary: "Slipped: the provider withdrew", percentComplete: 40}) { action { version } } }
                """).variable("id", id).variable("status", newStatus).execute()
                .path("recordProgress.action.version").entity(Integer.class).isEqualTo(1);
        admin.document("""
                mutation($id: ID!, $owner: ID!) { assignOwner(input: {actionId: $id, expectedVersion: 1, ownerId: $owner,
                    reason: "Handover"}) { action { version } } }
                """).variable("id", id).variable("owner", otherOwner).execute()
                .path("assignOwner.action.version").entity(Integer.class).isEqualTo(2);
        admin.document("""
                mutation($id: ID!, $on: ID!) { removeDependency(input: {actionId: $id, expectedVersion: 2, dependsOnId: $on,
                    reason: "No longer needed"}) { action { version } } }
                """).variable("id", id).variable("on", seeded.get("dependsOn").asString()).execute()
                .path("removeDependency.action.version").entity(Integer.class).isEqualTo(3);
        long before = count(FINGERPRINT);

        loader.load(properties.location());

        assertThat(count(FINGERPRINT)).as("nodes, relationships and versions").isEqualTo(before);
        admin.document("""
                query($id: ID!) { action(id: $id) { status statusText version owner { ... on Organisation { id } }
                    dependsOn { id } updates { status } } }
                """).variable("id", id).execute()
                .path("action.status").entity(String.class).isEqualTo(newStatus)
                .path("action.statusText").valueIsNull()
                .path("action.version").entity(Integer.class).isEqualTo(3)
                .path("action.owner.id").entity(String.class).isEqualTo(otherOwner)
                .path("action.dependsOn[*].id").entityList(String.class).doesNotContain(seeded.get("dependsOn").asString())
                .path("action.updates[0].status").entity(String.class).isEqualTo(newStatus);
        assertThat(count("MATCH (:Action {id: '" + id + "'})-[r:OWNED_BY]->() RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (h:HistoryEntry {entityId: '" + id + "'}) RETURN count(h)")).isEqualTo(3);
    }

    @Test
    void aReloadKeepsTheMilestonesTheApiChangedOrRemoved(@TempDir Path dir) throws IOException {
        HttpGraphQlTester admin = as("admin");
        String reached = "milestone-001-cancer-fit-pathway";
        String removed = "milestone-001-cancer-abtrace";
        int reachedVersion = admin.document("{ action(id: \"action-001-cancer-fit-pathway\") { version } }").execute()
                .path("action.version").entity(Integer.class).get();
        int removedVersion = admin.document("{ action(id: \"action-001-cancer-abtrace\") { version } }").execute()
                .path("action.version").entity(Integer.class).get();
        admin.document("""
                mutation($id: ID!, $v: Int!) { reachMilestone(input: {milestoneId: $id, expectedVersion: $v, reachedDate: "2021-10-01"}) {
                    action { version } } }
                """).variable("id", reached).variable("v", reachedVersion).execute()
                .path("reachMilestone.action.version").entity(Integer.class).isEqualTo(reachedVersion + 1);
        admin.document("""
                mutation($id: ID!, $v: Int!) { updateMilestone(input: {milestoneId: $id, expectedVersion: $v, title: "FIT pathway in use"}) {
                    action { version } } }
                """).variable("id", reached).variable("v", reachedVersion + 1).execute()
                .path("updateMilestone.action.version").entity(Integer.class).isEqualTo(reachedVersion + 2);
        admin.document("""
                mutation($id: ID!, $v: Int!) { removeMilestone(input: {milestoneId: $id, expectedVersion: $v, reason: "Not a milestone"}) {
                    action { version } } }
                """).variable("id", removed).variable("v", removedVersion).execute()
                .path("removeMilestone.action.version").entity(Integer.class).isEqualTo(removedVersion + 1);
        as("auditor").document("{ history(entityId: \"action-001-cancer-abtrace\") { changes { field before after } } }").execute()
                .path("history[0].changes[?(@.field == 'milestone.sources')].before").entityList(String.class)
                .containsExactly("doc-001 lines 3082-3084: Three grants submitted for Thurrock Practices.");
        long before = count(FINGERPRINT);

        loader.load(properties.location());

        assertThat(count(FINGERPRINT)).as("nodes, relationships and versions").isEqualTo(before);
        admin.document("""
                query($id: ID!) { node(id: $id) { ... on Milestone { title reachedDate sources { lines } } } }
                """).variable("id", reached).execute()
                .path("node.title").entity(String.class).isEqualTo("FIT pathway in use")
                .path("node.reachedDate").entity(String.class).isEqualTo("2021-10-01")
                .path("node.sources").entityList(Object.class).hasSizeGreaterThan(0);
        admin.document("query($id: ID!) { node(id: $id) { id } }").variable("id", removed).execute()
                .path("node").valueIsNull();

        Path moved = seedCopy(dir, "10-doc-000-001.jsonl", Map.of(
                "\"id\": \"milestone-001-cancer-fit-pathway\", \"action\": \"action-001-cancer-fit-pathway\"",
                "\"id\": \"milestone-001-cancer-fit-pathway\", \"action\": \"action-001-cancer-frailty-pathway\"",
                "\"id\": \"milestone-001-cancer-abtrace\", \"action\": \"action-001-cancer-abtrace\"",
                "\"id\": \"milestone-001-cancer-abtrace\", \"action\": \"action-001-cancer-frailty-pathway\""));
        loader.load(moved.toUri() + "/");

        assertThat(count(FINGERPRINT)).as("a seed correction moving both to another action changes neither").isEqualTo(before);
        admin.document("query($id: ID!) { node(id: $id) { ... on Milestone { title reachedDate action { id } } } }")
                .variable("id", reached).execute()
                .path("node.title").entity(String.class).isEqualTo("FIT pathway in use")
                .path("node.reachedDate").entity(String.class).isEqualTo("2021-10-01")
                .path("node.action.id").entity(String.class).isEqualTo("action-001-cancer-fit-pathway");
        assertThat(count("MATCH (:Action)-[r:HAS_MILESTONE]->(:Milestone {id: '" + reached + "'}) RETURN count(r)")).isEqualTo(1);
        admin.document("query($id: ID!) { node(id: $id) { id } }").variable("id", removed).execute()
                .path("node").valueIsNull();
    }

    /** A copy of the seed in {@code dir}, with each key of {@code edits} replaced by its value in {@code file}. */
    private static Path seedCopy(Path dir, String file, Map<String, String> edits) throws IOException {
        Path source = Path.of("seed-data");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = dir.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path edited = dir.resolve(file);
        String text = Files.readString(edited);
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            assertThat(text).contains(edit.getKey());
            text = text.replace(edit.getKey(), edit.getValue());
        }
        Files.writeString(edited, text);
        return dir;
    }
}
