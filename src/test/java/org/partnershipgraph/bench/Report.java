package org.partnershipgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns {@code scale-N.tsv} and {@code scale-N.load} files into the Markdown tables of bench/README.md,
 * each with the time and commit it was measured at, followed by the {@code growth-LO-HI.md} tables
 * {@link Growth} wrote (which say theirs): every result file in the directory, however old.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        TreeMap<Integer, List<Map<String, String>>> byScale = new TreeMap<>();
        TreeMap<Integer, Properties> loads = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("scale-\\d+\\.tsv")) {
                    List<String> lines = Files.readAllLines(f);
                    String[] header = lines.getFirst().split("\t");
                    List<Map<String, String>> rows = new ArrayList<>();
                    for (String line : lines.subList(1, lines.size())) {
                        String[] cells = line.split("\t", -1);
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < header.length; i++) {
                            row.put(header[i], i < cells.length ? cells[i] : "");
                        }
                        rows.add(row);
                    }
                    byScale.put(Integer.parseInt(name.replaceAll("\\D", "")), rows);
                } else if (name.matches("scale-\\d+\\.load")) {
                    Properties p = new Properties();
                    try (var in = Files.newBufferedReader(f)) {
                        p.load(in);
                    }
                    loads.put(Integer.parseInt(name.replaceAll("\\D", "")), p);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("### Graph sizes and load times\n\n| scale | nodes | relationships | actions | largest strategy (actions) | generate s | load s |\n|---|---:|---:|---:|---|---:|---:|\n");
        loads.forEach((scale, p) -> md.append(String.format(Locale.ROOT, "| %dx | %s | %s | %s | %s (%s) | %s | %s |%n", scale,
                p.getProperty("nodes"), p.getProperty("relationships"), p.getProperty("actions"), p.getProperty("largest_strategy"),
                p.getProperty("largest_strategy_actions"), p.getProperty("generate_s"), p.getProperty("load_s"))));
        byScale.forEach((scale, rows) -> {
            md.append(String.format(Locale.ROOT, "%n### %dx%n%n", scale));
            Properties load = loads.get(scale);
            if (load != null && load.getProperty("measured") != null) {
                md.append(String.format(Locale.ROOT, "Measured from %s (after the load), commit `%s`.%n%n", load.getProperty("measured"),
                        load.getProperty("commit")));
            }
            md.append("| query | service p50 ms | service p99 ms | floor p50 ms | floor p99 ms | **ratio p50** | service ops/s c16 | floor ops/s c16 | ratio ops/s | statements service/floor | db hits (floor, PROFILE) |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Map<String, String> r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%s** | %s | %s | %s | %s/%s | %s = %s |%n",
                        r.get("query"), r.get("svc_p50_ms"), r.get("svc_p99_ms"), r.get("floor_p50_ms"), r.get("floor_p99_ms"),
                        r.get("ratio_p50"), r.get("svc_tput"), r.get("floor_tput"), r.get("ratio_tput"), r.get("svc_statements"),
                        r.get("floor_statements"), r.get("db_hits"), r.get("db_hits_detail")));
            }
        });
        if (byScale.size() > 1) {
            int lo = byScale.firstKey();
            int hi = byScale.lastKey();
            md.append(String.format(Locale.ROOT, "%n### Growth %dx -> %dx across the per-scale runs (p50 at %dx / p50 at %dx)%n%n", lo, hi, hi, lo));
            md.append("| query | service p50 " + lo + "x | service p50 " + hi + "x | **service growth** | floor growth | db hits growth |\n|---|---:|---:|---:|---:|---:|\n");
            for (Map<String, String> a : byScale.get(lo)) {
                Map<String, String> b = byScale.get(hi).stream().filter(r -> r.get("query").equals(a.get("query"))).findFirst().orElse(null);
                if (b == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | **%s** | %s | %s |%n", a.get("query"), a.get("svc_p50_ms"),
                        b.get("svc_p50_ms"), ratio(b.get("svc_p50_ms"), a.get("svc_p50_ms")),
                        ratio(b.get("floor_p50_ms"), a.get("floor_p50_ms")), ratio(b.get("db_hits"), a.get("db_hits"))));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("growth-\\d+-\\d+\\.md")).sorted().toList()) {
                md.append('\n').append(Files.readString(f));
            }
        }
        System.out.print(md);
    }

    private static String ratio(String a, String b) {
        try {
            double value = Double.parseDouble(a) / Double.parseDouble(b);
            return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2fx", value) : "n/a";
        } catch (NumberFormatException | NullPointerException ex) {
            return "n/a";
        }
    }
}
