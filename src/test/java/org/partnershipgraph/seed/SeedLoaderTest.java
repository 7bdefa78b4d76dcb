package org.partnershipgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.partnershipgraph.GraphQlTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** The seed loader against the real database: idempotent, all-or-nothing, and with provenance on everything. */
class SeedLoaderTest extends GraphQlTestBase {

    private static final String GRAPH_SIZE = """
            CALL () { MATCH (n) RETURN count(n) AS nodes }
            CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
            RETURN nodes * 1000000 + relationships
            """;

    @Autowired
    SeedLoader loader;

    @Autowired
    SeedProperties properties;

    @Test
    void loadingTwiceGivesTheSameGraph() {
        loader.load(properties.location());
        long before = count(GRAPH_SIZE);
        List<String> contents = contents();
        loader.load(properties.location());
        assertThat(count(GRAPH_SIZE)).isEqualTo(before);
        assertThat(contents()).as("every node's labels and properties, every relationship's ends, type and properties")
                .isEqualTo(contents);
    }

    /**
     * Each node as its sorted labels and properties, and each relationship as its ends' ids, type and
     * properties, sorted; without the lock counts ({@code writes}) a load takes.
     */
    private List<String> contents() {
        try (Session session = driver.session()) {
            List<String> contents = new ArrayList<>(session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
                    .list(r -> r.get("labels").asList(Value::asString).stream().sorted().toList() + " " + withoutLocks(r.get("props"))));
            contents.addAll(session.run("""
                    MATCH (a)-[r]->(b)
                    RETURN coalesce(a.id, a.name, elementId(a)) AS from, type(r) AS type, coalesce(b.id, b.name, elementId(b)) AS to,
                           properties(r) AS props
                    """).list(r -> r.get("from").asString() + " " + r.get("type").asString() + " " + r.get("to").asString() + " "
                            + withoutLocks(r.get("props"))));
            contents.sort(null);
            return contents;
        }
    }

    private static Map<String, Object> withoutLocks(Value properties) {
        Map<String, Object> sorted = new TreeMap<>(properties.asMap());
        sorted.remove("writes");
        return sorted;
    }

    @Test
    void aBadRecordIsReportedWithFileLineAndProblemAndNothingIsWritten(@TempDir Path dir) throws IOException {
        long before = count(GRAPH_SIZE);
        Files.writeString(dir.resolve("01-good.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Organisation","id":"org-brand-new","name":"Brand New Org","kind":"VCS","sources":[{"doc":"doc-900","lines":"1"}]}
                """);
        Files.writeString(dir.resolve("02-bad.jsonl"), """
                {"type":"Action","id":"action-900-x","title":"X","kind":"COMMITMENT","status":"DONE","asOf":"2024-01-01","owner":"org-missing","sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> {
                    List<SeedProblem> problems = ((SeedValidationException) ex).problems();
                    assertThat(problems).extracting(SeedProblem::toString).anySatisfy(p -> assertThat(p)
                            .startsWith("02-bad.jsonl:1 (action-900-x)").contains("status 'DONE'"));
                    assertThat(problems).extracting(SeedProblem::toString)
                            .anySatisfy(p -> assertThat(p).contains("owner -> org-missing points nowhere"));
                    assertThat(problems).extracting(SeedProblem::toString).anySatisfy(p -> assertThat(p)
                            .startsWith("01-good.jsonl:1 (doc-900)").contains("x.txt is not in documents/"));
                });
        assertThat(count(GRAPH_SIZE)).isEqualTo(before);
        assertThat(count("MATCH (n:Node {id: 'org-brand-new'}) RETURN count(n)")).isZero();
    }

    @Test
    void aHoldingNeedsAPersonAndItsOwnSources(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Person","id":"person-900-a","name":"A","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Post","id":"post-900-a","title":"A","heldBy":[{"person":"person-900-a"}],"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Post","id":"post-900-b","title":"B","heldBy":[{"person":"person-900-a","sources":[{"doc":"doc-900","lines":"1"}],"since":"2020-01-01"}],"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Post","id":"post-900-c","title":"C","heldBy":["person-900-nobody"],"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Person","id":"person-900-b","name":"B","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Post","id":"post-900-d","title":"D","heldBy":["person-900-b",{"person":"person-900-a","sources":[{"doc":"doc-900","lines":"1"}]}],"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Post","id":"post-900-e","title":"E","heldBy":["person-900-b","person-900-b"],"sources":[{"doc":"doc-900","lines":"1"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .anySatisfy(p -> assertThat(p).contains("post-900-a").contains("needs sources"))
                        .anySatisfy(p -> assertThat(p).contains("post-900-b").contains("unknown heldBy field 'since'"))
                        .anySatisfy(p -> assertThat(p).contains("post-900-c").contains("person-900-nobody must be a Person"))
                        .anySatisfy(p -> assertThat(p).contains("post-900-d").contains("mixes person ids"))
                        .anySatisfy(p -> assertThat(p).contains("post-900-e").contains("person-900-b twice")));
        assertThat(count("MATCH (n:Node) WHERE n.id CONTAINS '-900-' RETURN count(n)")).isZero();
    }

    @Test
    void aDependencyCycleInTheSeedIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Action","id":"action-900-a","title":"A","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","dependsOn":["action-900-b"],"sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                {"type":"Action","id":"action-900-b","title":"B","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","dependsOn":["action-900-a"],"sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .hasMessageContaining("closes a cycle");
        assertThat(count("MATCH (n:Node) WHERE n.id STARTS WITH 'action-900' RETURN count(n)")).isZero();
    }

    @Test
    void aLoopOfReportingLinesOrOfOrganisationsIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Board","id":"board-900-a","name":"A","kind":"BOARD","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Board","id":"board-900-b","name":"B","kind":"BOARD","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Board","id":"board-900-c","name":"C","kind":"BOARD","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"ReportsTo","from":"board-900-a","to":"board-900-b","relation":"REPORTS_TO","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"ReportsTo","from":"board-900-b","to":"board-900-c","relation":"SUB_GROUP_OF","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"ReportsTo","from":"board-900-c","to":"board-900-a","relation":"COMMITTEE_OF","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Organisation","id":"org-900-x","name":"X","kind":"OTHER","partOf":["org-900-y"],"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Organisation","id":"org-900-y","name":"Y","kind":"OTHER","partOf":["org-900-x"],"sources":[{"doc":"doc-900","lines":"1"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .anySatisfy(p -> assertThat(p).contains("the reporting line closes a cycle: board-900-a -> board-900-b -> board-900-c -> board-900-a"))
                        .anySatisfy(p -> assertThat(p).contains("partOf closes a cycle: org-900-x -> org-900-y -> org-900-x")));
        assertThat(count("MATCH (n:Node) WHERE n.id CONTAINS '-900-' RETURN count(n)")).isZero();
    }

    @Test
    void aBodyReportingToItselfIsOneProblem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Board","id":"board-900-a","name":"A","kind":"BOARD","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"ReportsTo","from":"board-900-a","to":"board-900-a","relation":"REPORTS_TO","sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .filteredOn(p -> p.contains("board-900-a"))
                        .singleElement().satisfies(p -> assertThat(p).contains("a body cannot report to itself")));
    }

    @Test
    void aReportingLineLongerThanTheChainClimbsIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("documents"));
        Files.writeString(dir.resolve("documents/x.txt"), "Each board reports to the next.\n");
        StringBuilder organisations = new StringBuilder();
        for (int i = 0; i <= 11; i++) {
            String partOf = i < 11 ? "\"partOf\":[\"org-900-" + (i + 1) + "\"]," : "";
            organisations.append("""
                    {"type":"Organisation","id":"org-900-%d","name":"O%d","kind":"OTHER",%s"sources":[{"doc":"doc-900","lines":"1"}]}
                    """.formatted(i, i, partOf));
        }
        Files.writeString(dir.resolve("01.jsonl"), boardLine(11) + organisations);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .anySatisfy(p -> assertThat(p).contains("board-900-0")
                                .contains("the reporting line climbs 11 steps, more than the 10 an accountability chain follows: "
                                        + "board-900-0 -> board-900-1 -> ")
                                .endsWith("board-900-10 -> board-900-11"))
                        .anySatisfy(p -> assertThat(p).contains("org-900-0")
                                .contains("partOf climbs 11 steps").endsWith("org-900-10 -> org-900-11")));
        assertThat(count("MATCH (n:Node) WHERE n.id CONTAINS '-900' RETURN count(n)")).isZero();

        Files.writeString(dir.resolve("01.jsonl"), boardLine(10));
        try {
            loader.load(dir.toUri() + "/");
            assertThat(count("MATCH (:Board {id: 'board-900-0'})-[:REPORTS_TO*10]->(:Board {id: 'board-900-10'}) RETURN count(*)"))
                    .as("ten steps are allowed").isEqualTo(1);
        } finally {
            try (var session = driver.session()) {
                session.run("MATCH (n:Node) WHERE n.id CONTAINS '-900' DETACH DELETE n").consume();
            }
        }
    }

    /** A seed file of boards {@code board-900-0} to {@code board-900-<steps>}, each reporting to the next. */
    private static String boardLine(int steps) {
        StringBuilder seed = new StringBuilder("""
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                """);
        for (int i = 0; i <= steps; i++) {
            seed.append("""
                    {"type":"Board","id":"board-900-%d","name":"B%d","kind":"BOARD","sources":[{"doc":"doc-900","lines":"1"}]}
                    """.formatted(i, i));
        }
        for (int i = 0; i < steps; i++) {
            seed.append("""
                    {"type":"ReportsTo","from":"board-900-%d","to":"board-900-%d","relation":"REPORTS_TO","sources":[{"doc":"doc-900","lines":"1","quote":"reports to"}]}
                    """.formatted(i, i + 1));
        }
        return seed.toString();
    }

    @Test
    void everySeededEntityHasASourceAndEveryIdIsUnique() {
        assertThat(count("MATCH (n:Node) WHERE NOT n:SourceDocument AND NOT (n)-[:CITED_IN]->(:SourceDocument) RETURN count(n)"))
                .isZero();
        assertThat(count("MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id)")).isZero();
        assertThat(count("MATCH (a:Action) WHERE NOT EXISTS { (a)-[c:CITED_IN]->() WHERE c.quote IS NOT NULL } RETURN count(a)"))
                .as("every action has a quote").isZero();
    }

    @Test
    void aDateTheApiWouldRefuseIsAProblemAndNothingIsWritten(@TempDir Path dir) throws IOException {
        long before = count("MATCH (n) RETURN count(n)");
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Board","id":"board-900","name":"B","kind":"BOARD","sources":[{"doc":"doc-001","lines":"1"}]}
                {"type":"Action","id":"action-900-a","title":"A","kind":"COMMITMENT","status":"UNKNOWN","asOf":"0202-03-31","sources":[{"doc":"doc-001","lines":"1"}]}
                {"type":"Action","id":"action-900-b","title":"B","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","dueDate":"+12024-01-01","sources":[{"doc":"doc-001","lines":"1"}]}
                {"type":"Action","id":"action-900-c","title":"C","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-02-30","sources":[{"doc":"doc-001","lines":"1"}]}
                {"type":"Action","id":"action-900-d","title":"D","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-02-29","dueDate":"2100-12-31","sources":[{"doc":"doc-001","lines":"1"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .as("a year mistyped, a signed year, a day February does not have; a leap day and the last date taken are dates")
                        .filteredOn(p -> p.contains("asOf") || p.contains("dueDate"))
                        .containsExactlyInAnyOrder(
                                "01.jsonl:2 (action-900-a): asOf '0202-03-31' is outside the dates this service takes (1900-01-01 to 2100-12-31)",
                                "01.jsonl:3 (action-900-b): dueDate '+12024-01-01' is outside the dates this service takes (1900-01-01 to 2100-12-31)",
                                "01.jsonl:4 (action-900-c): asOf '2024-02-30' is not a calendar date in the form YYYY-MM-DD"));
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(before);
    }

    @Test
    void aQuoteThatIsNotOnItsLinesIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("documents"));
        Files.writeString(dir.resolve("documents/x.txt"), "first line\nThe Board will publish its plan.\nthird line\n");
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Action","id":"action-900-a","title":"A","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"2","quote":"The Board will publish its plan."}]}
                {"type":"Action","id":"action-900-b","title":"B","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"2","quote":"The Board will abolish itself."}]}
                {"type":"Action","id":"action-900-c","title":"C","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"7-9","quote":"The Board"}]}
                {"type":"Action","id":"action-900-d","title":"D","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"3","quote":"The Board will publish its plan."}]}
                {"type":"Action","id":"action-900-e","title":"E","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"2","quote":"The Board will publish its plan. third"}]}
                {"type":"Action","id":"action-900-f","title":"F","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"1-2","quote":"first  LINE the board"}]}
                {"type":"Action","id":"action-900-g","title":"G","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"2","quote":"** __"}]}
                {"type":"Action","id":"action-900-h","title":"H","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"4","quote":"first"}]}
                {"type":"Action","id":"action-900-i","title":"I","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"3","quote":"third line"}]}
                {"type":"Citation","target":"action-900-i","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Citation","target":"action-900-f","sources":[{"doc":"doc-900","lines":"1","quote":"first line"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .as("b misquotes, c is outside, d cites the next line, e runs past its line, g quotes no words, "
                                + "h cites past the last line (the file ends with a line break), line 11 cites i without a quote; "
                                + "f is spacing and case, i the last line, line 12 cites f with a quote")
                        .extracting(p -> p.substring(0, p.indexOf(':', p.indexOf(':') + 1)))
                        .containsExactlyInAnyOrder("01.jsonl:3 (action-900-b)", "01.jsonl:4 (action-900-c)", "01.jsonl:5 (action-900-d)",
                                "01.jsonl:6 (action-900-e)", "01.jsonl:8 (action-900-g)", "01.jsonl:9 (action-900-h)",
                                "01.jsonl:11 (action-900-i)"));
    }

    @Test
    void aFieldOfTheWrongShapeOrARecordWithoutItsIdIsReportedNotThrown(@TempDir Path dir) throws IOException {
        long before = count(GRAPH_SIZE);
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Person","name":"Nobody","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Action","id":"action-900-a","title":{"en":"A"},"kind":"COMMITMENT","status":["COMPLETE"],"asOf":{},"sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                {"type":"Action","id":"action-900-b","title":"B","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","owner":["org-a","org-b"],"dependsOn":"action-900-c","sources":[{"doc":"doc-900","lines":"1","quote":"q"}]}
                {"type":"Action","id":"action-900-c","title":"C","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","dependsOn":"action-900-b","sources":[{"doc":"doc-900","lines":"99999999999","quote":"q"}]}
                {"type":"Organisation","id":"org-900-a","name":"A","kind":"VCS","aliases":"AA","partOf":[7],"sources":["doc-900"]}
                {"type":"Citation","target":{"id":"org-900-a"},"sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Citation","sources":[{"doc":"doc-900","lines":"1"}]}
                {"type":"Document","id":"doc-901","file":"y.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":["P","Q"]}
                {"type":"Board","id":"board-900-a","name":"A","kind":"BOARD","hostedBy":"org-900-a","sources":[{"doc":"doc-901","lines":"1"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:2: missing required field 'id'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:3 (action-900-a): title must be one value, not an object"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:3 (action-900-a): status must be one value, not a list"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:4 (action-900-b): owner must be one value, not a list"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:4 (action-900-b): dependsOn must be a list"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:5 (action-900-c): dependsOn must be a list"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:6 (org-900-a): aliases must be a list"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:6 (org-900-a): partOf must be a list of text"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:6 (org-900-a): sources must be a list of {doc, lines, quote}"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:7: target must be one value, not an object"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:8: missing required field 'target'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("01.jsonl:9 (doc-901): publisher must be one value, not a list"))
                        .noneSatisfy(p -> assertThat(p).as("no echo of a misshapen record in the records pointing to it")
                                .containsAnyOf("board-900-a", "points nowhere", "not a Document record")));
        Files.writeString(dir.resolve("01.jsonl"), """
                {"type":"Document","id":"doc-900","file":"x.txt","title":"T","kind":"REPORT","date":"2024-01-01","publisher":"P"}
                {"type":"Action","id":"action-900-c","title":"C","kind":"COMMITMENT","status":"UNKNOWN","asOf":"2024-01-01","sources":[{"doc":"doc-900","lines":"99999999999","quote":"q"}]}
                """);
        assertThatThrownBy(() -> loader.load(dir.toUri() + "/"))
                .isInstanceOf(SeedValidationException.class)
                .satisfies(ex -> assertThat(((SeedValidationException) ex).problems()).extracting(SeedProblem::toString)
                        .anySatisfy(p -> assertThat(p).contains("action-900-c").contains("beyond any document")));
        assertThat(count(GRAPH_SIZE)).isEqualTo(before);
    }

    @Test
    void twoQuotesFromTheSameLinesAreBothKept() {
        List<String> quotes = graphQl.document("""
                { action(id: "action-004-neurodiversity-strategy") { sources { document { id } lines quote } } }
                """).execute().path("action.sources[?(@.lines == '113')].quote").entityList(String.class).get();
        assertThat(quotes).hasSize(2).doesNotHaveDuplicates();
    }
}
