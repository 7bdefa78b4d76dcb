package org.partnershipgraph.progress;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.partnershipgraph.ServiceTestBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Today" and the end of a day are the partnership's (Europe/London), whatever the server's or the
 * database's zone: the service runs at 23:30 UTC on 2021-07-01, already 00:30 on 2021-07-02 in
 * London (summer time). The roll-up, the derived RAG, {@code overdueActions}, the default date of
 * a progress update and {@code stateAsOf} must all agree that it is 2 July. {@code stateAsOf} also
 * places changes made late in the evening in winter, and around both clock changes, on London's day;
 * and a decision may be recorded at a meeting held on London's 2 July, not at one on 3 July.
 */
class TimeZoneGraphQlTest extends ServiceTestBase {

    private static final Path DATA = dataDirectory();
    private static final Instant NOW = Instant.parse("2021-07-01T23:30:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        emptyDatabase(registry, DATA);
    }

    /** The service's clock, stopped at {@link #NOW} in the configured zone. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {

        @Bean
        @Primary
        Clock stoppedClock(@Value("${partnership.time-zone}") ZoneId zone) {
            return Clock.fixed(NOW, zone);
        }
    }

    @BeforeEach
    void graph() {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (n) DETACH DELETE n
                    WITH count(*) AS gone
                    CREATE (b:Board:Node {id: 'board-tz', name: 'Time Zone Board', kind: 'BOARD'})
                    WITH b
                    UNWIND [['action-tz-due-1-july', date('2021-07-01')], ['action-tz-due-2-july', date('2021-07-02')]] AS row
                    CREATE (a:Action:Node {id: row[0], title: row[0], kind: 'COMMITMENT', status: 'IN_PROGRESS',
                                           dueDate: row[1], asOf: date('2021-06-01'), version: 0})
                    CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: row[0] + '-as-stated', date: date('2021-06-01'),
                                                               status: 'IN_PROGRESS', seq: 0, author: 'test'})
                    CREATE (a)-[:ACCOUNTABLE_TO]->(b)
                    """).consume());
            session.executeWrite(tx -> tx.run("""
                    MATCH (a:Action {id: 'action-tz-due-1-july'})
                    CREATE (h:HistoryEntry {id: 'history-tz-1', at: $at, user: 'hwbb-secretariat', role: 'SECRETARIAT',
                                            entityId: a.id, operation: 'updateAction',
                                            changes: '[{"field":"dueDate","before":"2021-06-15","after":"2021-07-01"}]'})
                    CREATE (h)-[:ABOUT]->(a)
                    """, Map.of("at", ZonedDateTime.parse("2021-07-01T23:10:00Z"))).consume());
        }
    }

    @Test
    void theRollUpIsAsOfTheZonesToday() {
        graphQl.document("""
                { progress(scope: {id: "board-tz"}) { asOf total overdue } }
                """).execute()
                .path("progress.asOf").entity(String.class).isEqualTo("2021-07-02")
                .path("progress.total").entity(Integer.class).isEqualTo(2)
                .path("progress.overdue").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void theDerivedRagAndTheRollUpAgreeOnToday() {
        graphQl.document("""
                { due1: action(id: "action-tz-due-1-july") { ragAssessment { rag reason } }
                  due2: action(id: "action-tz-due-2-july") { ragAssessment { rag reason } } }
                """).execute()
                .path("due1.ragAssessment.rag").entity(String.class).isEqualTo("RED")
                .path("due1.ragAssessment.reason").entity(String.class).isEqualTo("overdue: was due 2021-07-01")
                .path("due2.ragAssessment.rag").entity(String.class).isEqualTo("AMBER")
                .path("due2.ragAssessment.reason").entity(String.class).isEqualTo("due within 30 days, on 2021-07-02");
    }

    @Test
    void overdueActionsDefaultsToTheZonesToday() {
        graphQl.document("{ overdueActions { totalCount edges { node { id } } } }").execute()
                .path("overdueActions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("overdueActions.edges[0].node.id").entity(String.class).isEqualTo("action-tz-due-1-july");
    }

    @Test
    void aProgressUpdateWithoutADateIsDatedTheZonesToday() {
        as("admin").document("""
                mutation { recordProgress(input: {actionId: "action-tz-due-2-july", expectedVersion: 0, status: AT_RISK}) {
                  update { date status } } }
                """).execute()
                .path("recordProgress.update.date").entity(String.class).isEqualTo("2021-07-02")
                .path("recordProgress.update.status").entity(String.class).isEqualTo("AT_RISK");
    }

    @Test
    void stateAsOfEndsEachDayAtMidnightInTheZone() {
        as("auditor").document("""
                { action(id: "action-tz-due-1-july") { first: stateAsOf(date: "2021-07-01") { dueDate }
                                                       second: stateAsOf(date: "2021-07-02") { dueDate } } }
                """).execute()
                .path("action.first.dueDate").entity(String.class).isEqualTo("2021-06-15")
                .path("action.second.dueDate").entity(String.class).isEqualTo("2021-07-01");
    }

    @Test
    void stateAsOfFollowsTheZoneInWinterAndAcrossTheClockChanges() {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (b:Board {id: 'board-tz'})
                    CREATE (a:Action:Node {id: 'action-tz-seasons', title: 'Seasons', kind: 'COMMITMENT', status: 'IN_PROGRESS',
                                           dueDate: date('2021-06-30'), asOf: date('2020-01-01'), version: 0})
                    CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: 'action-tz-seasons-as-stated', date: date('2020-01-01'),
                                                               status: 'IN_PROGRESS', seq: 0, author: 'test'})
                    CREATE (a)-[:ACCOUNTABLE_TO]->(b)
                    WITH a
                    UNWIND [['2020-10-24T23:30:00Z', '2020-12-31', '2021-01-31'],
                            ['2020-10-25T23:30:00Z', '2021-01-31', '2021-02-28'],
                            ['2021-01-15T23:30:00Z', '2021-02-28', '2021-03-31'],
                            ['2021-03-28T23:30:00Z', '2021-03-31', '2021-06-30']] AS row
                    CREATE (h:HistoryEntry {id: 'history-tz-' + row[0], at: datetime(row[0]), user: 'hwbb-secretariat',
                                            role: 'SECRETARIAT', entityId: a.id, operation: 'updateAction',
                                            changes: '[{"field":"dueDate","before":"' + row[1] + '","after":"' + row[2] + '"}]'})
                    CREATE (h)-[:ABOUT]->(a)
                    """).consume());
        }
        Map<String, String> dueDateAsOf = Map.of(
                "2020-10-24", "2020-12-31",
                "2020-10-25", "2021-02-28",
                "2021-01-15", "2021-03-31",
                "2021-03-28", "2021-03-31",
                "2021-03-29", "2021-06-30");
        dueDateAsOf.forEach((date, due) -> as("auditor").document("""
                query($date: Date!) { action(id: "action-tz-seasons") { stateAsOf(date: $date) { dueDate } } }
                """).variable("date", date).execute()
                .path("action.stateAsOf.dueDate").entity(String.class).isEqualTo(due));
    }

    @Test
    void aDecisionMayBeRecordedAtAMeetingHeldOnTheZonesTodayButNotTomorrow() {
        HttpGraphQlTester admin = as("admin");
        String meeting = "mutation($d: Date!) { recordMeeting(input: {boardId: \"board-tz\", date: $d}) { meeting { id } } }";
        String today = admin.document(meeting).variable("d", "2021-07-02").execute()
                .path("recordMeeting.meeting.id").entity(String.class).get();
        String tomorrow = admin.document(meeting).variable("d", "2021-07-03").execute()
                .path("recordMeeting.meeting.id").entity(String.class).get();
        String decision = "mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: \"RESOLVED: noted.\"}) { decision { id } } }";
        admin.document(decision).variable("m", today).execute().path("recordDecision.decision.id").hasValue();
        admin.document(decision).variable("m", tomorrow).execute().errors()
                .expect(e -> "VALIDATION".equals(e.getExtensions().get("code")) && "meetingId".equals(e.getExtensions().get("field")))
                .verify();
    }
}
