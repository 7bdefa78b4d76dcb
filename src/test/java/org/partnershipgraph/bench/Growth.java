package org.partnershipgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.partnershipgraph.bench.Benchmark.Query;
import org.partnershipgraph.bench.Benchmark.Stats;

/**
 * Growth from a small graph to a large one measured in one window: two services, each on its own
 * embedded Neo4j with its own synthetic graph (the scales of {@code --growth lo,hi}: 1x and 100x
 * from {@code bench/run}), run in this JVM at once, and each query runs on both, service and floor, in
 * blocks of consecutive calls in turn (small service, large service, small floor, large floor, each
 * round in a new order, as a call right after the same call on the other graph is quicker; see
 * {@link Benchmark#alternate}). The machine's drift, which separate runs minutes apart measure as
 * growth, hits all four alike. Writes {@code growth-LO-HI.md} and {@code growth-LO-HI.log}.
 *
 * <p>The questions are the point queries (their target ids are the same in every graph) and the
 * empty request, whose growth shows what is left of the machine's drift. The page of actions and
 * the top board's roll-up grow with the graph by construction, and the largest strategy is another
 * strategy in each graph: they stay in the per-scale runs.
 */
final class Growth {

    /** The questions measured, in the order of the table. */
    private static final List<String> QUERIES = List.of("requestOverhead", "action", "accountabilityChain", "upDownstream5",
            "portalNested", "recordProgress");

    private Growth() {
    }

    static void run(Map<String, String> args) throws Exception {
        String[] scales = args.get("growth").split(",");
        int lo = Integer.parseInt(scales[0]);
        int hi = Integer.parseInt(scales[1]);
        Path out = Path.of(args.getOrDefault("out", "bench/results"));
        Set<String> only = args.containsKey("only") ? Set.of(args.get("only").split(",")) : null;
        Benchmark small = new Benchmark(withScale(args, lo));
        Benchmark large = new Benchmark(withScale(args, hi));
        try {
            small.start();
            large.start();
            List<Query> smallQueries = pick(small.queries(), only);
            List<Query> largeQueries = pick(large.queries(), only);
            List<Query> both = new ArrayList<>(smallQueries);
            both.addAll(largeQueries);
            small.warmUp(both);
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "| query | service p50 %1$dx | service p50 %2$dx | **service growth** | "
                    + "floor p50 %1$dx | floor p50 %2$dx | floor growth | ratio p50 %1$dx | ratio p50 %2$dx | db hits %1$dx | db hits %2$dx "
                    + "| timed calls each |%n", lo, hi));
            table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            StringBuilder log = new StringBuilder(small.log()).append(large.log());
            for (int k = 0; k < smallQueries.size(); k++) {
                Query s = smallQueries.get(k);
                Query l = largeQueries.get(k);
                s.profile().run();
                l.profile().run();
                Stats[] stats = small.alternate(List.of(s.service(), l.service(), s.floor(), l.floor()), true);
                double serviceGrowth = stats[1].p50() / stats[0].p50();
                double floorGrowth = stats[3].p50() / stats[2].p50();
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | **%.2fx** | %s | %s | %.2fx | %s | %s | %d | %d | %d |%n",
                        s.name(), Benchmark.f(stats[0].p50()), Benchmark.f(stats[1].p50()), serviceGrowth,
                        Benchmark.f(stats[2].p50()), Benchmark.f(stats[3].p50()), floorGrowth,
                        Benchmark.f(stats[0].p50() / stats[2].p50()), Benchmark.f(stats[1].p50() / stats[3].p50()),
                        small.dbHits(s.name()), large.dbHits(l.name()), stats[0].n()));
                String line = String.format(Locale.ROOT, "growth %-20s service %s -> %s ms (%.2fx) | floor %s -> %s ms (%.2fx) "
                        + "| db hits %d -> %d | %d calls each | block %d", s.name(), Benchmark.f(stats[0].p50()),
                        Benchmark.f(stats[1].p50()), serviceGrowth, Benchmark.f(stats[2].p50()), Benchmark.f(stats[3].p50()),
                        floorGrowth, small.dbHits(s.name()), large.dbHits(l.name()), stats[0].n(), small.lastBlock);
                System.out.println("[bench growth] " + line);
                log.append(line).append('\n');
            }
            String md = String.format(Locale.ROOT, "### Growth %1$dx -> %2$dx measured in one window%n%n"
                    + "Both graphs live at once, each behind its own service; p50 of the timed calls, the four in turn in %3$s, "
                    + "each round in a new order (`Growth`, measured from %4$s, commit `%5$s`, load average at the end %6$s).%n%n%7$s",
                    lo, hi, small.blocks(), large.measuredFrom, small.commit, Benchmark.loadAverage(), table);
            Files.writeString(out.resolve("growth-" + lo + "-" + hi + ".md"), md);
            Files.writeString(out.resolve("growth-" + lo + "-" + hi + ".log"), log);
        } finally {
            try {
                small.close();
            } finally {
                large.close();
            }
        }
    }

    private static Map<String, String> withScale(Map<String, String> args, int scale) {
        Map<String, String> copy = new HashMap<>(args);
        copy.put("scale", String.valueOf(scale));
        return copy;
    }

    private static List<Query> pick(List<Query> queries, Set<String> only) {
        return QUERIES.stream().filter(name -> only == null || only.contains(name))
                .map(name -> queries.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow())
                .toList();
    }
}
