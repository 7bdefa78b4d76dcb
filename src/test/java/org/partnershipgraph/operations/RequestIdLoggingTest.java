package org.partnershipgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request id reaches every log line a GraphQL request writes, whichever thread writes it: the
 * error logged for a failing query field, a failing mutation, a failing {@code @BatchMapping} and
 * failing DataLoaders of the {@code BatchLoaderRegistry}. Each failure comes from a record the
 * service cannot read (a string where a date or a number belongs), so each is logged as unexpected.
 * A request before each test starts the dispatcher servlet, whose start-up lines Tomcat writes
 * before any filter runs and which belong to no request.
 */
class RequestIdLoggingTest extends SyntheticGraphTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CapturingAppender appender = new CapturingAppender();

    @BeforeEach
    void graph() {
        clear();
        write("""
                CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})
                CREATE (:SourceDocument:Node {id: 'doc-log', file: 'doc-log.txt', title: 'A document', kind: 'REPORT'})
                """, Map.of(), false);
        actions(List.of("action-log-update", "action-log-due", "action-log-upstream", "action-log-source"), "IN_PROGRESS", LocalDate.of(2026, 3, 31), LocalDate.of(2025, 1, 31));
        relate("ACCOUNTABLE_TO", List.of(Map.of("from", "action-log-due", "to", "board-hwbb")));
        relate("DEPENDS_ON", List.of(Map.of("from", "action-log-upstream", "to", "action-log-due")));
        write("""
                MATCH (due:Action {id: 'action-log-due'}) SET due.dueDate = 'end of March'
                WITH due
                MATCH (:Action {id: 'action-log-update'})-[:HAS_UPDATE]->(u:ProgressUpdate) SET u.date = 'last week'
                WITH u
                MATCH (a:Action {id: 'action-log-source'}), (doc:SourceDocument {id: 'doc-log'})
                CREATE (a)-[:CITED_IN {lines: 42, firstLine: 42}]->(doc)
                """, Map.of(), false);
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange().expectStatus().isOk();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterEach
    void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ action(id: \"action-log-due\") { id } }",
            "{ action(id: \"action-log-update\") { updates { date } } }",
            "{ action(id: \"action-log-upstream\") { upstream { actions { action { id } } } } }",
            "{ action(id: \"action-log-upstream\") { dependsOn { id } } }",
            "{ action(id: \"action-log-source\") { sources { lines } } }",
            "mutation { recordProgress(input: {actionId: \"action-log-due\", expectedVersion: 0, status: IN_PROGRESS}) { action { id } } }"})
    void everyLineOfAFailingRequestCarriesItsId(String query) {
        String requestId = "log-" + Integer.toHexString(query.hashCode());
        appender.events.clear();
        EntityExchangeResult<byte[]> result = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth("hwbb-secretariat", USERS.get("hwbb-secretariat")))
                .header(RequestIdFilter.HEADER, requestId)
                .bodyValue(JSON.writeValueAsString(Map.of("query", query)))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, requestId)
                .expectBody().returnResult();
        JsonNode errors = JSON.readTree(result.getResponseBody()).path("errors");
        assertThat(errors.path(0).path("extensions").path("code").asString()).as("%s", errors).isEqualTo("INTERNAL");
        String errorId = errors.path(0).path("extensions").path("errorId").asString();

        List<Line> lines = List.copyOf(appender.events);
        assertThat(lines).as("the error is logged with its id").anySatisfy(line -> {
            assertThat(line.level()).isEqualTo("ERROR");
            assertThat(line.message()).contains(errorId);
        });
        assertThat(lines).as("every line of the request carries its id").allSatisfy(line ->
                assertThat(line.requestId()).as("%s", line).isEqualTo(requestId));
    }

    /** A log line as written: level, logger, thread, request id in the MDC, and message. */
    private record Line(String level, String logger, String thread, String requestId, String message) {
    }

    /** Keeps every log event, reading the MDC on the thread that logged it. */
    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {

        private final List<Line> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(new Line(event.getLevel().toString(), event.getLoggerName(), event.getThreadName(),
                    event.getMDCPropertyMap().get(RequestIdFilter.MDC_KEY), event.getFormattedMessage()));
        }
    }
}
