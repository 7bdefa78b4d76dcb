package org.partnershipgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.GraphQlTestBase;
import org.slf4j.LoggerFactory;

/**
 * Counts the Cypher statements a request runs (Spring Data Neo4j logs each one it sends): every
 * fetched field path costs one statement for all its parents, so a deep query costs 1 + its depth
 * (exactly, on the seed, where every level has items), and no query's cost grows with the number
 * of items.
 */
class RoundTripTest extends GraphQlTestBase {

    /**
     * A deep chain: one fetched field per level, five levels (strategies, then four nested:
     * domains, priorities, actions, owner), so 1 + depth 4 statements.
     */
    private static final String DEEP_QUERY = """
            query($first: Int) { strategies(first: $first) { edges { node { id
                domains { id priorities { id actions { id owner { __typename ... on Post { id title } } } } } } } } }
            """;

    private static final int DEEP_QUERY_LEVELS = 5;

    /**
     * The portal's wide page: eleven fetched field paths (strategies, owners, domains, priorities,
     * priority actions, their owners, domain actions, their owners, accountableTo, reportsTo,
     * sources), of which ten run a statement: every priority's action is also its domain's, so the
     * owners of priority actions come from the request's DataLoader.
     */
    private static final String PORTAL_QUERY = """
            query($first: Int) { strategies(first: $first) { edges { node {
                id title period
                owners { __typename ... on Board { id name } ... on Organisation { id name } }
                domains { id number title
                  priorities { id title actions { id title status owner { __typename ... on Post { id } } } }
                  actions { id title status rag statusText dueDate
                    owner { __typename ... on Post { id title } ... on Person { id name } ... on Organisation { id name } ... on Board { id name } }
                    accountableTo { id name reportsTo { id name } }
                    sources { lines quote document { id } } } } } } } }
            """;

    private static final int PORTAL_QUERY_STATEMENTS = 10;

    private final Logger cypherLog = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");
    private final ListAppender<ILoggingEvent> statements = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void countStatements() {
        previous = cypherLog.getLevel();
        cypherLog.setLevel(Level.DEBUG);
        statements.start();
        cypherLog.addAppender(statements);
    }

    @AfterEach
    void stopCounting() {
        cypherLog.detachAppender(statements);
        cypherLog.setLevel(previous);
    }

    @Test
    void deepQueryCostsOnePlusDepthForAFullPage() {
        assertThat(roundTrips(DEEP_QUERY, 100)).as("statements for a page of 100 strategies, one per level (each has items)")
                .isEqualTo(DEEP_QUERY_LEVELS);
    }

    @Test
    void widePortalQueryCostsOneStatementPerFieldPathNeverPerItem() {
        assertThat(roundTrips(PORTAL_QUERY, 100)).as("statements for a page of 100 strategies, one per field path (each has items)")
                .isEqualTo(PORTAL_QUERY_STATEMENTS);
    }

    @Test
    void singleActionWithItsLinksIsOneQueryPerLevel() {
        statements.list.clear();
        graphQl.document("""
                { action(id: "action-001-hwbs-eight-week-public-consultation") { id owner { __typename } accountableTo { id } } }
                """).execute().path("action.id").hasValue();
        assertThat(cypherStatements()).isEqualTo(3);
    }

    @Test
    void progressChainAndClosureAreOneStatementEach() {
        statements.list.clear();
        graphQl.document("""
                { progress(scope: {id: "board-hwbb"}) { total byRag { rag count } children { total scope { __typename } } } }
                """).execute().path("progress.total").hasValue();
        assertThat(cypherStatements()).isEqualTo(1);
        statements.list.clear();
        graphQl.document("""
                { progress(scope: {id: "org-thurrock-council"}) { trend(dates: ["2025-03-31", "2026-03-31"]) { total }
                    children { trend(dates: ["2025-03-31"]) { total } recent: trend(dates: ["2026-03-31"]) { total } } } }
                """).execute().path("progress.children[0].trend").hasValue();
        assertThat(cypherStatements()).as("the roll-up, then the trends of the scope and every child in one").isEqualTo(2);
        statements.list.clear();
        graphQl.document("""
                { accountabilityChain(actionId: "action-001-hwbs-eight-week-public-consultation") {
                    paths { links { relationship node { __typename } } } } }
                """).execute().path("accountabilityChain.paths").hasValue();
        assertThat(cypherStatements()).isEqualTo(1);
        statements.list.clear();
        graphQl.document("""
                { actions(first: 50) { edges { node { upstream(depth: 30) { cut actions { distance } } downstream { cut } } } } }
                """).execute().path("actions.edges").hasValue();
        assertThat(cypherStatements()).as("the page, then one statement per closure field for all 50 actions").isEqualTo(3);
    }

    @Test
    void aSearchIsOneStatementAndItsHitsOneMorePerFetchedField() {
        statements.list.clear();
        graphQl.document("""
                { search(text: "health", first: 100) { totalCount edges { node { score entity { __typename
                    ... on Action { id title } ... on Board { id name } ... on Person { id name } } } } } }
                """).execute().path("search.edges").entityList(Object.class).hasSize(100);
        assertThat(cypherStatements()).isEqualTo(1);
        statements.list.clear();
        graphQl.document("""
                { search(text: "health", kinds: [ACTION], first: 100) { edges { node { entity {
                    ... on Action { id owner { __typename } accountableTo { id } } } } } } }
                """).execute().path("search.edges").entityList(Object.class).hasSize(100);
        assertThat(cypherStatements()).as("the search, then one statement per fetched field for all 100 actions")
                .isEqualTo(3);
    }

    private int roundTrips(String query, int first) {
        statements.list.clear();
        graphQl.document(query).variable("first", first).execute()
                .path("strategies.edges").entityList(Object.class).hasSizeGreaterThan(50);
        return cypherStatements();
    }

    private int cypherStatements() {
        List<ILoggingEvent> events = List.copyOf(statements.list);
        return (int) events.stream().filter(e -> e.getFormattedMessage().startsWith("Executing")).count();
    }
}
