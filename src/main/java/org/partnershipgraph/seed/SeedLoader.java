package org.partnershipgraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.partnershipgraph.graphql.GraphSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads {@code seed-data/*.jsonl} into the graph: validates every file first, then writes
 * everything in one transaction, so a bad record writes nothing and a second load changes
 * nothing. An action already in the database keeps its owner, accountable body, deliverables,
 * dependencies and creating decision, which the API maintains from its first load on; one the API
 * has changed (a version above 0) also keeps its properties, progress and milestones (the API
 * adds, corrects, reaches and removes milestones as changes to their action), which a reload must
 * not undo, while one nobody has changed takes the seed's properties and first update again, so that a
 * correction of its record reaches a database loaded before it. A meeting or decision the API has
 * corrected (a version above 0) keeps its properties and links (the people present) too. Every entity the seed defines or
 * cites keeps only the citations the seed gives it now, and every post it defines only the holdings.
 */
@Component
public class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final GraphSessions sessions;
    private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    public SeedLoader(GraphSessions sessions) {
        this.sessions = sessions;
    }

    /** Whether the database already holds any entity. */
    public boolean isSeeded() {
        try (Session session = sessions.open(AccessMode.READ)) {
            return session.executeRead(tx -> tx.run(SeedCypher.IS_SEEDED).single().get("seeded").asBoolean());
        }
    }

    /**
     * Validates and loads the seed files under {@code location}.
     *
     * @return records loaded per type
     * @throws SeedValidationException when any record is bad; nothing is written then
     */
    public Map<String, Integer> load(String location) {
        List<SeedFile> files = readFiles(location);
        Map<String, List<String>> documents = new HashMap<>();
        SeedGraph graph = new SeedParser(file -> documents.computeIfAbsent(file,
                name -> readDocument(location, name))).parse(files);
        List<Object> actionIds = graph.nodes().stream().filter(node -> "Action".equals(node.get("label")))
                .map(node -> node.get("id")).toList();
        List<Object> recordIds = graph.nodes().stream()
                .filter(node -> "Meeting".equals(node.get("label")) || "Decision".equals(node.get("label")))
                .map(node -> node.get("id")).toList();
        Existing existing;
        try (Session session = sessions.open(AccessMode.WRITE)) {
            existing = session.executeWrite(tx -> {
                refuseRecordsMadeElsewhere(tx, graph);
                Record found = tx.run(SeedCypher.EXISTING_ACTIONS, Map.of("ids", actionIds)).single();
                Set<Object> changed = new HashSet<>(found.get("changed").asList(Value::asObject));
                Set<Object> unchanged = new HashSet<>(found.get("unchanged").asList(Value::asObject));
                Set<Object> corrected = new HashSet<>(tx.run(SeedCypher.CORRECTED_RECORDS, Map.of("ids", recordIds)).single()
                        .get("changed").asList(Value::asObject));
                Set<Object> apiMilestones = graph.relations().stream()
                        .filter(rel -> "HAS_MILESTONE".equals(rel.get("type")) && changed.contains(rel.get("from")))
                        .map(rel -> rel.get("to")).collect(Collectors.toCollection(HashSet::new));
                apiMilestones.addAll(tx.run(SeedCypher.MILESTONES_THE_API_CHANGED, Map.of("ids", graph.nodes().stream()
                        .filter(node -> "Milestone".equals(node.get("label"))).map(node -> node.get("id")).toList()))
                        .single().get("kept").asList(Value::asObject));
                Set<Object> keptAsTheyAre = new HashSet<>(changed);
                keptAsTheyAre.addAll(unchanged);
                keptAsTheyAre.addAll(apiMilestones);
                keptAsTheyAre.addAll(corrected);
                tx.run(SeedCypher.MERGE_NODES, Map.of("rows", graph.nodes().stream()
                        .filter(node -> !keptAsTheyAre.contains(node.get("id"))).toList()))
                        .consume();
                tx.run(SeedCypher.RESTATE_ACTIONS, Map.of("rows", graph.nodes().stream()
                        .filter(node -> unchanged.contains(node.get("id"))).toList())).consume();
                tx.run(SeedCypher.DROP_STALE_HOLDINGS, Map.of("rows", holdingKeys(graph))).consume();
                tx.run(SeedCypher.MERGE_RELATIONS, Map.of("rows", graph.relations().stream()
                        .filter(rel -> !keptAsTheyAre.contains(rel.get("record"))).toList()))
                        .consume();
                tx.run(SeedCypher.MERGE_REPORTING_LINES, Map.of("rows", graph.reportsTo())).consume();
                tx.run(SeedCypher.DROP_STALE_CITATIONS, Map.of("rows", citationKeys(graph))).consume();
                tx.run(SeedCypher.MERGE_CITATIONS, Map.of("rows", graph.citations())).consume();
                tx.run(SeedCypher.FIRST_UPDATES, Map.of("ids", actionIds.stream()
                        .filter(id -> !changed.contains(id) && !unchanged.contains(id)).toList())).consume();
                tx.run(SeedCypher.RESTATE_FIRST_UPDATES, Map.of("ids", List.copyOf(unchanged))).consume();
                return new Existing(changed.size(), unchanged.size(), corrected.size());
            });
        }
        log.info("Seed loaded from {} ({} files): {}; of the actions already in the database, {} changed through the API "
                + "kept as they are, {} restated from the seed; {} meetings and decisions corrected through the API kept as they are",
                location, files.size(), graph.counts(), existing.changed(), existing.unchanged(), existing.corrected());
        return graph.counts();
    }

    /**
     * A problem for each meeting or decision of the seed that the database already holds under
     * another id (recorded through the API before the seed had it): loading it would make it twice.
     */
    private static void refuseRecordsMadeElsewhere(TransactionContext tx, SeedGraph graph) {
        Map<Object, Object> boards = new HashMap<>();
        Map<Object, Object> meetings = new HashMap<>();
        graph.relations().stream().filter(rel -> "OF".equals(rel.get("type"))).forEach(rel -> boards.put(rel.get("from"), rel.get("to")));
        graph.relations().stream().filter(rel -> "DECIDED".equals(rel.get("type"))).forEach(rel -> meetings.put(rel.get("to"), rel.get("from")));
        List<Map<String, Object>> meetingRows = new ArrayList<>();
        List<Map<String, Object>> decisionRows = new ArrayList<>();
        for (Map<String, Object> node : graph.nodes()) {
            Map<?, ?> props = (Map<?, ?>) node.get("props");
            Map<String, Object> row = new HashMap<>();
            row.put("id", node.get("id"));
            if ("Meeting".equals(node.get("label")) && boards.containsKey(node.get("id"))) {
                row.put("board", boards.get(node.get("id")));
                row.put("date", props.get("date"));
                row.put("title", props.get("title"));
                meetingRows.add(row);
            } else if ("Decision".equals(node.get("label")) && meetings.containsKey(node.get("id"))) {
                row.put("meeting", meetings.get(node.get("id")));
                row.put("text", props.get("text"));
                row.put("number", props.get("number"));
                decisionRows.add(row);
            }
        }
        List<SeedProblem> problems = new ArrayList<>(madeElsewhere(tx, graph, SeedCypher.MEETINGS_RECORDED_ELSEWHERE, meetingRows,
                "meeting", "(same board, date and title): give the record that id, or leave the meeting out"));
        problems.addAll(madeElsewhere(tx, graph, SeedCypher.DECISIONS_RECORDED_ELSEWHERE, decisionRows,
                "decision", "(same meeting, text and number): give the record that id, or leave the decision out"));
        if (!problems.isEmpty()) {
            throw new SeedValidationException(problems);
        }
    }

    private static List<SeedProblem> madeElsewhere(TransactionContext tx, SeedGraph graph, String cypher,
            List<Map<String, Object>> rows, String kind, String advice) {
        return tx.run(cypher, Map.of("rows", rows, "ids", rows.stream().map(row -> row.get("id")).toList())).list(found -> {
            String id = found.get("seed").asString();
            SeedGraph.Origin origin = graph.origins().get(id);
            return new SeedProblem(origin.file(), origin.line(), id, "the database already holds this " + kind + " as "
                    + found.get("existing").asString() + ", recorded through the API " + advice);
        });
    }

    /** {@code {post, keys}} per post the seed defines: the {@code type:personId} of each holding it gives it. */
    private static List<Map<String, Object>> holdingKeys(SeedGraph graph) {
        Map<Object, List<String>> keys = new LinkedHashMap<>();
        graph.nodes().stream().filter(node -> "Post".equals(node.get("label")))
                .forEach(node -> keys.put(node.get("id"), new ArrayList<>()));
        graph.relations().stream().filter(rel -> "HOLDS".equals(rel.get("type")) || "HELD".equals(rel.get("type")))
                .forEach(rel -> keys.get(rel.get("to")).add(rel.get("type") + ":" + rel.get("from")));
        return keys.entrySet().stream().map(entry -> Map.<String, Object>of("post", entry.getKey(), "keys", entry.getValue()))
                .toList();
    }

    /** {@code {id, keys}} per entity the seed defines or cites: the {@code doc:lines:quote} of each citation it gives it. */
    private static List<Map<String, Object>> citationKeys(SeedGraph graph) {
        Map<Object, List<String>> keys = new LinkedHashMap<>();
        graph.nodes().forEach(node -> keys.put(node.get("id"), new ArrayList<>()));
        graph.citations().forEach(citation -> keys.computeIfAbsent(citation.get("id"), id -> new ArrayList<>())
                .add(citation.get("doc") + ":" + citation.get("lines") + ":" + Objects.requireNonNullElse(citation.get("quote"), "")));
        return keys.entrySet().stream().map(entry -> Map.<String, Object>of("id", entry.getKey(), "keys", entry.getValue()))
                .toList();
    }

    /**
     * How many of the seed's actions were in the database already, changed through the API or not,
     * and how many of its meetings and decisions the API has corrected.
     */
    private record Existing(int changed, int unchanged, int corrected) {
    }

    private List<SeedFile> readFiles(String location) {
        try {
            Resource[] found = resources.getResources(location + "*.jsonl");
            List<Resource> sorted = new ArrayList<>(Arrays.asList(found));
            sorted.sort(Comparator.comparing(Resource::getFilename));
            List<SeedFile> files = new ArrayList<>();
            for (Resource resource : sorted) {
                try (InputStream in = resource.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    files.add(new SeedFile(resource.getFilename(), text.lines().toList()));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("No seed files (*.jsonl) found at " + location);
            }
            return files;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read seed files at " + location, ex);
        }
    }

    private List<String> readDocument(String location, String file) {
        Resource resource = resources.getResource(location + "documents/" + file);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\n", -1));
            return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read source document " + file, ex);
        }
    }
}
