package org.partnershipgraph.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnershipgraph.graphql.StrictDateScalar;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates seed files as a whole: every record's type, fields, enums, dates,
 * ids, references, sources and quotes, and that dependencies, organisations' parts and reporting
 * lines form no cycle. It reports every problem at once and produces the {@link SeedGraph} only
 * when there are none.
 */
final class SeedParser {

    private static final Pattern ID = Pattern.compile("[a-z]+-[a-z0-9-]+");
    private static final Pattern LINES = Pattern.compile("(\\d+)(?:-(\\d+))?");
    private static final int MAX_QUOTE = 300;
    private static final int QUOTE_SHOWN = 60;

    /** The entities whose every source, their own or a citation's, must quote its lines. */
    private static final Set<SeedType> QUOTED = Set.of(SeedType.ACTION, SeedType.DECISION);
    /**
     * Most {@code partOf} or reporting-line steps in a row: {@code AccountabilityCypher.CHAIN} climbs
     * at most this many of each, and a longer line would have no top it could show.
     */
    static final int MAX_CLIMB = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Function<String, List<String>> documentLines;
    private final List<SeedProblem> problems = new ArrayList<>();
    private final List<Entry> misshapen = new ArrayList<>();

    /** @param documentLines the lines of a source document by file name, or null when it is not available */
    SeedParser(Function<String, List<String>> documentLines) {
        this.documentLines = documentLines;
    }

    private record Entry(SeedFile file, int line, SeedType type, JsonNode node) {

        String key() {
            JsonNode id = node.get("id");
            if (id != null) {
                return id.asString();
            }
            JsonNode target = node.get("target");
            return target != null ? target.asString() : node.path("from").asString(null);
        }
    }

    SeedGraph parse(List<SeedFile> files) {
        List<Entry> entries = read(files);
        Map<String, Entry> byId = indexIds(entries);
        Map<String, LocalDate> docDates = new HashMap<>();
        Map<String, String> docFiles = new HashMap<>();
        for (Entry e : misshapen) {
            byId.putIfAbsent(e.node().get("id").asString(), e);
            if (e.type() == SeedType.DOCUMENT) {
                docDates.put(e.node().get("id").asString(), null);
            }
        }
        for (Entry e : entries) {
            if (e.type() == SeedType.DOCUMENT) {
                docDates.put(e.key(), date(e, "date"));
                String file = e.node().path("file").asString(null);
                docFiles.put(e.key(), file);
                if (file != null && documentLines.apply(file) == null) {
                    problem(e, "its file " + file + " is not in documents/ beside the seed files, so its citations cannot be checked");
                }
            }
        }
        SeedGraph graph = build(entries, byId, docDates, docFiles);
        checkNoCycles(entries);
        if (!problems.isEmpty()) {
            throw new SeedValidationException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return graph;
    }

    private List<Entry> read(List<SeedFile> files) {
        List<Entry> entries = new ArrayList<>();
        for (SeedFile file : files) {
            for (int i = 0; i < file.lines().size(); i++) {
                String text = file.lines().get(i).strip();
                if (text.isEmpty() || text.startsWith("//")) {
                    continue;
                }
                int line = i + 1;
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JacksonException ex) {
                    problems.add(new SeedProblem(file.name(), line, null, "not valid JSON: " + ex.getOriginalMessage()));
                    continue;
                }
                if (!node.isObject()) {
                    problems.add(new SeedProblem(file.name(), line, null, "a record must be a JSON object"));
                    continue;
                }
                SeedType type = SeedType.named(node.path("type").asString(""));
                if (type == null) {
                    problems.add(new SeedProblem(file.name(), line, null,
                            "unknown or missing type '" + node.path("type").asString("") + "'"));
                    continue;
                }
                if (wellShaped(file, line, type, node)) {
                    entries.add(new Entry(file, line, type, node));
                } else if (node.path("id").isString()) {
                    misshapen.add(new Entry(file, line, type, node));
                }
            }
        }
        return entries;
    }

    /**
     * Whether each field of a record holds the shape of value it must (a list, or one value; ids as
     * text) and the record has the id or ends it is keyed by; a problem for each field that does
     * not, and then the record is left out of the rest of the checks (but for its id, so that
     * records pointing to it are not reported as well).
     */
    private boolean wellShaped(SeedFile file, int line, SeedType type, JsonNode node) {
        String id = node.get("id") != null && node.get("id").isString() ? node.get("id").asString() : null;
        int before = problems.size();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (SeedType.LIST_FIELDS.contains(name)) {
                boolean objects = name.equals("sources") || name.equals("heldBy");
                if (!value.isArray()) {
                    problems.add(new SeedProblem(file.name(), line, id, name + " must be a list"));
                } else if (value.values().stream().anyMatch(item -> name.equals("sources") ? !item.isObject()
                        : !item.isString() && !(objects && item.isObject()))) {
                    problems.add(new SeedProblem(file.name(), line, id, name + " must be a list of "
                            + (name.equals("sources") ? "{doc, lines, quote}" : objects ? "ids or {person, sources}" : "text")));
                }
            } else if (value.isArray() || value.isObject()) {
                problems.add(new SeedProblem(file.name(), line, id, name + " must be one value, not "
                        + (value.isArray() ? "a list" : "an object")));
            } else if ((name.equals("id") || (type == SeedType.CITATION && name.equals("target")) || name.equals("from")
                    || name.equals("to") || type.isRef(name)) && !value.isString()) {
                problems.add(new SeedProblem(file.name(), line, id, name + " must be an id, as text"));
            }
        }
        if (type.idPrefix != null && id == null && problems.size() == before) {
            problems.add(new SeedProblem(file.name(), line, null, "missing required field 'id'"));
        }
        if (type == SeedType.CITATION && !node.path("target").isString() && problems.size() == before) {
            problems.add(new SeedProblem(file.name(), line, null, "missing required field 'target'"));
        }
        return problems.size() == before;
    }

    private Map<String, Entry> indexIds(List<Entry> entries) {
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : entries) {
            if (e.type().idPrefix == null) {
                continue;
            }
            String id = e.node().path("id").asString(null);
            if (id == null) {
                continue;
            }
            if (!ID.matcher(id).matches() || !id.startsWith(e.type().idPrefix)) {
                problem(e, "id must be lowercase letters, digits and '-', starting with " + e.type().idPrefix);
            }
            Entry earlier = byId.putIfAbsent(id, e);
            if (earlier != null) {
                problem(e, "id repeats: already defined at " + earlier.file().name() + ":" + earlier.line());
            }
        }
        return byId;
    }

    private SeedGraph build(List<Entry> entries, Map<String, Entry> byId, Map<String, LocalDate> docDates,
            Map<String, String> docFiles) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> relations = new ArrayList<>();
        Map<String, List<Map<String, Object>>> reportsTo = new LinkedHashMap<>();
        List<Map<String, Object>> citations = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, SeedGraph.Origin> origins = new HashMap<>();
        for (Entry e : entries) {
            counts.merge(e.type().name, 1, Integer::sum);
            checkFields(e);
            List<Map<String, Object>> sources = sources(e, docDates, docFiles);
            switch (e.type()) {
                case REPORTS_TO -> reportingLine(e, byId, sources, reportsTo);
                case CITATION -> {
                    String target = e.node().path("target").asString(null);
                    if (target != null && !byId.containsKey(target)) {
                        problem(e, "target " + target + " points nowhere");
                    } else if (target != null && QUOTED.contains(byId.get(target).type())
                            && sources.stream().anyMatch(source -> source.get("quote") == null)) {
                        problem(e, "a quote is required on the sources of " + byId.get(target).type().name + " records, "
                                + "so also on a citation of " + target);
                    }
                    addCitations(citations, target, sources);
                }
                default -> {
                    String id = e.key();
                    nodes.add(Map.of("id", id, "label", e.type().label, "props", properties(e)));
                    origins.put(id, new SeedGraph.Origin(e.file().name(), e.line()));
                    relations.addAll(references(e, byId));
                    if (e.type() == SeedType.POST) {
                        relations.addAll(holdings(e, byId, sources, docDates, docFiles));
                    }
                    addCitations(citations, id, sources);
                }
            }
        }
        List<Map<String, Object>> lines = reportsTo.values().stream()
                .map(statements -> reportingLine(statements, docDates)).toList();
        return new SeedGraph(nodes, relations, lines, List.copyOf(new LinkedHashSet<>(citations)), counts, origins);
    }

    private void checkFields(Entry e) {
        SeedType type = e.type();
        for (String field : e.node().propertyNames()) {
            if (!field.equals("type") && !type.fields.contains(field)) {
                problem(e, "unknown field '" + field + "' for " + type.name + "; allowed: " + new TreeSet<>(type.fields));
            }
        }
        for (String field : type.required) {
            JsonNode value = e.node().get(field);
            if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())
                    || (value.isArray() && value.isEmpty())) {
                problem(e, "missing required field '" + field + "'");
            }
        }
        type.enums.forEach((field, allowed) -> {
            JsonNode value = e.node().get(field);
            if (value != null && !value.isNull() && !allowed.contains(value.asString())) {
                problem(e, field + " '" + value.asString() + "' is not one of " + new TreeSet<>(allowed));
            }
        });
    }

    private Map<String, Object> properties(Entry e) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : e.node().properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("type") || name.equals("sources") || e.type().isRef(name) || value.isNull()) {
                continue;
            }
            if (SeedType.DATE_FIELDS.contains(name)) {
                props.put(name, date(e, name));
            } else if (SeedType.NUMBER_FIELDS.contains(name)) {
                if (value.isNumber()) {
                    props.put(name, value.asDouble());
                } else {
                    problem(e, name + " must be a number; put words in valueText");
                }
            } else if (e.type() == SeedType.DOMAIN && name.equals("number")) {
                if (value.isIntegralNumber()) {
                    props.put(name, value.asLong());
                } else {
                    problem(e, "Domain.number must be an integer");
                }
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.values().forEach(item -> items.add(item.asString()));
                props.put(name, items);
            } else {
                props.put(name, value.asString());
            }
        }
        return props;
    }

    private List<Map<String, Object>> references(Entry e, Map<String, Entry> byId) {
        List<Map<String, Object>> relations = new ArrayList<>();
        for (SeedType.Ref ref : e.type().refs) {
            JsonNode value = e.node().get(ref.field());
            if (value == null || value.isNull() || (e.type() == SeedType.POST && ref.field().equals("heldBy"))) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            if (value.isArray()) {
                value.values().forEach(item -> targets.add(item.asString()));
            } else {
                targets.add(value.asString());
            }
            for (int rank = 0; rank < targets.size(); rank++) {
                String target = targets.get(rank);
                if (!byId.containsKey(target)) {
                    problem(e, ref.field() + " -> " + target + " points nowhere");
                    continue;
                }
                if (ref.prefixes().stream().noneMatch(target::startsWith)) {
                    problem(e, ref.field() + " -> " + target + " must be one of " + ref.prefixes());
                    continue;
                }
                String from = ref.outgoing() ? e.key() : target;
                String to = ref.outgoing() ? target : e.key();
                relations.add(Map.of("from", from, "to", to, "type", ref.relType(), "props", Map.of("rank", rank),
                        "record", e.key()));
            }
        }
        return relations;
    }

    /**
     * The holdings of a post's {@code heldBy}: each a person id (stated by the post's own sources)
     * or {@code {person, sources}}. Each holding is as of the newest document stating it; those as of
     * the post's newest holding are current ({@code HOLDS}), the others former ({@code HELD}).
     */
    private List<Map<String, Object>> holdings(Entry e, Map<String, Entry> byId, List<Map<String, Object>> postSources,
            Map<String, LocalDate> docDates, Map<String, String> docFiles) {
        JsonNode heldBy = e.node().get("heldBy");
        if (heldBy == null || heldBy.isNull()) {
            return List.of();
        }
        if (!heldBy.isArray()) {
            problem(e, "heldBy must be a list of person ids or {person, sources}");
            return List.of();
        }
        List<Map<String, Object>> holdings = new ArrayList<>();
        Set<String> people = new HashSet<>();
        Set<Boolean> forms = new HashSet<>();
        int rank = 0;
        for (JsonNode item : heldBy.values()) {
            forms.add(item.isObject());
            String person;
            List<Map<String, Object>> sources;
            if (item.isObject()) {
                for (String field : item.propertyNames()) {
                    if (!Set.of("person", "sources").contains(field)) {
                        problem(e, "unknown heldBy field '" + field + "'; allowed: person, sources");
                    }
                }
                person = item.path("person").asString(null);
                sources = sources(e, item.get("sources"), docDates, docFiles);
                if (sources.isEmpty()) {
                    problem(e, "heldBy " + person + " needs sources stating that the person holds the post");
                }
            } else {
                person = item.asString(null);
                sources = postSources;
            }
            if (person == null || !byId.containsKey(person) || !person.startsWith("person-")) {
                problem(e, "heldBy -> " + person + " must be a Person defined in seed-data");
                continue;
            }
            if (!people.add(person)) {
                problem(e, "heldBy names " + person + " twice");
                continue;
            }
            Map<String, Object> holding = statedBy(sources, docDates);
            holding.put("person", person);
            holding.put("rank", rank++);
            holdings.add(holding);
        }
        if (forms.size() > 1) {
            problem(e, "heldBy mixes person ids and {person, sources}: give every holder its own sources");
        }
        LocalDate newest = holdings.stream().map(h -> (LocalDate) h.get("asOf")).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        List<Map<String, Object>> relations = new ArrayList<>();
        for (Map<String, Object> holding : holdings) {
            boolean current = Objects.equals(holding.get("asOf"), newest);
            Map<String, Object> props = new HashMap<>(holding);
            props.remove("person");
            relations.add(Map.of("from", holding.get("person"), "to", e.key(), "type", current ? "HOLDS" : "HELD",
                    "props", props, "record", e.key()));
        }
        return relations;
    }

    private void reportingLine(Entry e, Map<String, Entry> byId, List<Map<String, Object>> sources,
            Map<String, List<Map<String, Object>>> lines) {
        String from = e.node().path("from").asString(null);
        String to = e.node().path("to").asString(null);
        String relation = e.node().path("relation").asString(null);
        boolean ok = from != null && to != null && relation != null;
        for (String end : new String[] {from, to}) {
            if (end != null && (!byId.containsKey(end) || !end.startsWith("board-"))) {
                problem(e, "reporting line end " + end + " is not a board defined in seed-data");
                ok = false;
            }
        }
        if (from != null && from.equals(to)) {
            problem(e, "a body cannot report to itself");
            ok = false;
        }
        if (ok) {
            lines.computeIfAbsent(from + ">" + to + ":" + relation, key -> {
                List<Map<String, Object>> statement = new ArrayList<>();
                statement.add(Map.of("from", from, "to", to, "relation", relation));
                return statement;
            }).addAll(sources);
        }
    }

    /** One reporting line from its key (first entry) and every source stating it, in any record. */
    private static Map<String, Object> reportingLine(List<Map<String, Object>> statement, Map<String, LocalDate> docDates) {
        Map<String, Map<String, Object>> distinct = new LinkedHashMap<>();
        statement.subList(1, statement.size())
                .forEach(s -> distinct.putIfAbsent(s.get("doc") + ":" + s.get("lines") + ":" + s.get("quote"), s));
        Map<String, Object> line = statedBy(List.copyOf(distinct.values()), docDates);
        line.putAll(statement.getFirst());
        return line;
    }

    /**
     * What a relationship stored from {@code sources} carries: {@code documents}, {@code lines} and
     * {@code quotes} (empty when none) side by side, and {@code asOf}, the newest document's date.
     */
    private static Map<String, Object> statedBy(List<Map<String, Object>> sources, Map<String, LocalDate> docDates) {
        Map<String, Object> stated = new HashMap<>();
        stated.put("documents", sources.stream().map(s -> s.get("doc")).toList());
        stated.put("lines", sources.stream().map(s -> s.get("lines")).toList());
        stated.put("quotes", sources.stream().map(s -> Objects.requireNonNullElse(s.get("quote"), "")).toList());
        stated.put("asOf", sources.stream().map(s -> docDates.get((String) s.get("doc")))
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null));
        return stated;
    }

    private List<Map<String, Object>> sources(Entry e, Map<String, LocalDate> docDates, Map<String, String> docFiles) {
        return sources(e, e.node().get("sources"), docDates, docFiles);
    }

    private List<Map<String, Object>> sources(Entry e, JsonNode list, Map<String, LocalDate> docDates,
            Map<String, String> docFiles) {
        List<Map<String, Object>> sources = new ArrayList<>();
        if (list == null || list.isNull()) {
            return sources;
        }
        if (!list.isArray()) {
            problem(e, "sources must be a list of {doc, lines, quote}");
            return sources;
        }
        boolean quoteRequired = QUOTED.contains(e.type()) || e.type() == SeedType.REPORTS_TO;
        for (JsonNode source : list.values()) {
            String doc = source.path("doc").asString(null);
            String lines = source.path("lines").asString(null);
            String quote = source.path("quote").asString(null);
            for (String field : source.propertyNames()) {
                if (!Set.of("doc", "lines", "quote").contains(field)) {
                    problem(e, "unknown source field '" + field + "'");
                }
            }
            if (doc == null || !docDates.containsKey(doc)) {
                problem(e, "source document " + doc + " is not a Document record");
                continue;
            }
            Matcher m = lines == null ? null : LINES.matcher(lines);
            if (m == null || !m.matches()) {
                problem(e, "source lines '" + lines + "' must be L or L-M");
                continue;
            }
            if (m.group(1).length() > 9 || (m.group(2) != null && m.group(2).length() > 9)) {
                problem(e, "source lines '" + lines + "' are beyond any document");
                continue;
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (quote == null || quote.isBlank()) {
                if (quoteRequired) {
                    problem(e, "a quote is required on the sources of " + e.type().name + " records");
                }
            } else if (quote.length() > MAX_QUOTE) {
                problem(e, "quote longer than " + MAX_QUOTE + " characters");
            } else if (normalise(quote).isEmpty()) {
                problem(e, "quote '" + quote + "' holds nothing but spaces, '*' and '_': give words from " + doc + " lines " + lines);
            }
            checkAgainstDocument(e, docFiles.get(doc), doc, first, last, quote);
            Map<String, Object> citation = new HashMap<>();
            citation.put("doc", doc);
            citation.put("lines", lines);
            citation.put("firstLine", first);
            citation.put("quote", quote == null || quote.isBlank() ? null : quote);
            sources.add(citation);
        }
        return sources;
    }

    private void checkAgainstDocument(Entry e, String file, String doc, int first, int last, String quote) {
        List<String> text = file == null ? null : documentLines.apply(file);
        if (text == null) {
            return;
        }
        if (first < 1 || last < first || last > text.size()) {
            problem(e, "lines " + first + "-" + last + " are outside " + doc + " (" + text.size() + " lines)");
            return;
        }
        if (quote == null || quote.isBlank()) {
            return;
        }
        String cited = normalise(String.join(" ", text.subList(first - 1, last)));
        String probe = normalise(quote);
        if (!probe.isEmpty() && !cited.contains(probe)) {
            problem(e, "quote '" + probe.substring(0, Math.min(QUOTE_SHOWN, probe.length())) + "' is not on " + doc
                    + " lines " + first + "-" + last);
        }
    }

    static String normalise(String text) {
        return text.replaceAll("[\\s*_]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static void addCitations(List<Map<String, Object>> citations, String id, List<Map<String, Object>> sources) {
        if (id == null) {
            return;
        }
        for (Map<String, Object> source : sources) {
            Map<String, Object> citation = new HashMap<>(source);
            citation.put("id", id);
            citations.add(citation);
        }
    }

    /**
     * A problem for the first loop in each kind of link that must have none: an action's
     * {@code dependsOn}, an organisation's {@code partOf} and reporting lines (an accountability
     * chain climbing a loop would never reach a top).
     */
    private void checkNoCycles(List<Entry> entries) {
        Map<String, List<String>> dependsOn = new TreeMap<>();
        Map<String, List<String>> partOf = new TreeMap<>();
        Map<String, List<String>> reportsTo = new TreeMap<>();
        Map<String, Entry> blame = new HashMap<>();
        for (Entry e : entries) {
            if (e.type() == SeedType.ACTION && e.node().has("dependsOn")) {
                e.node().get("dependsOn").values().forEach(t -> link(dependsOn, blame, e, e.key(), t.asString()));
            } else if (e.type() == SeedType.ORGANISATION && e.node().has("partOf")) {
                e.node().get("partOf").values().forEach(t -> link(partOf, blame, e, e.key(), t.asString()));
            } else if (e.type() == SeedType.REPORTS_TO && e.node().has("from") && e.node().has("to")
                    && !e.node().get("from").asString().equals(e.node().get("to").asString())) {
                link(reportsTo, blame, e, e.node().get("from").asString(), e.node().get("to").asString());
            }
        }
        checkNoCycle(dependsOn, blame, "dependsOn");
        if (!checkNoCycle(partOf, blame, "partOf")) {
            checkClimb(partOf, blame, "partOf");
        }
        if (!checkNoCycle(reportsTo, blame, "the reporting line")) {
            checkClimb(reportsTo, blame, "the reporting line");
        }
    }

    /**
     * A problem for the first line of links longer than {@link #MAX_CLIMB} steps in {@code edges},
     * which has no cycle: an accountability chain would not show it.
     */
    private void checkClimb(Map<String, List<String>> edges, Map<String, Entry> blame, String link) {
        Map<String, List<String>> longest = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> line = longestFrom(start, edges, longest);
            if (line.size() - 1 > MAX_CLIMB) {
                problem(blame.get(line.get(0) + ">" + line.get(1)), link + " climbs " + (line.size() - 1)
                        + " steps, more than the " + MAX_CLIMB + " an accountability chain follows: " + String.join(" -> ", line));
                return;
            }
        }
    }

    private static List<String> longestFrom(String node, Map<String, List<String>> edges, Map<String, List<String>> longest) {
        List<String> known = longest.get(node);
        if (known != null) {
            return known;
        }
        List<String> best = List.of();
        for (String next : edges.getOrDefault(node, List.of())) {
            List<String> line = longestFrom(next, edges, longest);
            if (line.size() > best.size()) {
                best = line;
            }
        }
        List<String> line = new ArrayList<>(best.size() + 1);
        line.add(node);
        line.addAll(best);
        longest.put(node, line);
        return line;
    }

    private static void link(Map<String, List<String>> edges, Map<String, Entry> blame, Entry e, String from, String to) {
        edges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        blame.putIfAbsent(from + ">" + to, e);
    }

    /** Adds a problem for the first cycle in {@code edges}, and says whether there was one. */
    private boolean checkNoCycle(Map<String, List<String>> edges, Map<String, Entry> blame, String link) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : edges.keySet()) {
            List<String> cycle = findCycle(start, edges, state, new ArrayList<>());
            if (cycle != null) {
                problem(blame.get(cycle.get(0) + ">" + cycle.get(1)), link + " closes a cycle: " + String.join(" -> ", cycle));
                return true;
            }
        }
        return false;
    }

    private static List<String> findCycle(String node, Map<String, List<String>> edges, Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            List<String> cycle = findCycle(next, edges, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return null;
    }

    private LocalDate date(Entry e, String field) {
        JsonNode value = e.node().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return StrictDateScalar.parse(value.asString());
        } catch (IllegalArgumentException ex) {
            problem(e, field + " " + ex.getMessage());
            return null;
        }
    }

    private void problem(Entry e, String message) {
        problems.add(new SeedProblem(e.file().name(), e.line(), e.key(), message));
    }
}
