package org.partnershipgraph.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Progress on a synthetic board tree six levels deep (63 bodies) holding 10,000 actions with
 * seeded random statuses and due dates; every figure is checked against a count made in the test.
 */
class ProgressGraphQlTest extends SyntheticGraphTestBase {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate DOCUMENT_DATE = LocalDate.of(2025, 1, 31);
    /** The date of a second update, with the same status, that every third action has. */
    private static final LocalDate LATER_UPDATE = LocalDate.of(2025, 5, 15);
    private static final String[] STATUSES = {"NOT_STARTED", "IN_PROGRESS", "AT_RISK", "OFF_TRACK", "COMPLETE", "CANCELLED", "UNKNOWN", "ON_HOLD"};

    private final List<Map<String, Object>> actions = new ArrayList<>();
    private final Map<String, String> boardOf = new HashMap<>();

    @BeforeEach
    void graph() {
        clear();
        List<Map<String, Object>> boards = new ArrayList<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int i = 1; i <= 63; i++) {
            boards.add(Map.of("id", "board-" + i, "name", "Board " + i));
            if (i > 1) {
                reports.add(Map.of("from", "board-" + i, "to", "board-" + (i / 2)));
            }
        }
        write("UNWIND $rows AS row CREATE (:Board:Node {id: row.id, name: row.name, kind: 'BOARD'})", Map.of("rows", boards), false);
        relate("REPORTS_TO", reports);
        Random random = new Random(42);
        List<Map<String, Object>> accountable = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = "action-syn-" + i;
            String board = "board-" + (1 + random.nextInt(63));
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("title", "Synthetic " + i);
            row.put("status", STATUSES[random.nextInt(STATUSES.length)]);
            row.put("dueDate", random.nextInt(10) == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900)));
            row.put("asOf", DOCUMENT_DATE);
            row.put("updated", i % 3 == 0 ? LATER_UPDATE : DOCUMENT_DATE);
            actions.add(row);
            boardOf.put(id, board);
            accountable.add(Map.of("from", id, "to", board));
        }
        actions(actions);
        relate("ACCOUNTABLE_TO", accountable);
        write("""
                UNWIND $rows AS row
                WITH row WHERE row.updated <> row.asOf
                MATCH (a:Action {id: row.id})
                CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: row.id + '-later', date: row.updated, status: row.status, seq: 1,
                                                            author: 'test'})
                SET a.asOf = row.updated
                """, Map.of("rows", actions), false);
    }

    @Test
    void todayIsThePartnershipsByDefault(@Autowired Clock clock) {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void topBoardRollsUpEveryActionBelowItAsCountedIndependently() {
        Map<String, Object> progress = graphQl.document("""
                query($asOf: Date) { progress(scope: {id: "board-1", asOf: $asOf}) {
                    asOf total complete percentComplete overdue stale unrated
                    byStatus { status count } byRag { rag count derived }
                    children { scope { ... on Board { id } } total complete overdue } } }
                """).variable("asOf", AS_OF.toString()).execute().path("progress").entity(Map.class).get();
        Expected all = expected(actions);
        assertThat(progress.get("total")).isEqualTo(10_000);
        assertThat(progress.get("complete")).isEqualTo(all.complete);
        assertThat(progress.get("overdue")).isEqualTo(all.overdue);
        assertThat(progress.get("stale")).isEqualTo(all.stale);
        assertThat((Double) progress.get("percentComplete")).isCloseTo(all.percent(), org.assertj.core.data.Offset.offset(0.06));
        assertThat(progress.get("byStatus")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(STATUSES.length);
        List<?> children = (List<?>) progress.get("children");
        assertThat(children).hasSize(2);
        for (Object child : children) {
            Map<?, ?> c = (Map<?, ?>) child;
            String id = (String) ((Map<?, ?>) c.get("scope")).get("id");
            Expected below = expected(actions.stream().filter(a -> isBelow(boardOf.get((String) a.get("id")), id)).toList());
            assertThat(c.get("total")).isEqualTo(below.total);
            assertThat(c.get("complete")).isEqualTo(below.complete);
            assertThat(c.get("overdue")).isEqualTo(below.overdue);
        }
    }

    @Test
    void eachStatusIsCountedAndAnOpenActionIsStaleOnceItsLastUpdateIsOlderThanTheReportingCycle() {
        String query = """
                query($asOf: Date, $months: Int) { progress(scope: {id: "board-1", asOf: $asOf, reportingCycleMonths: $months}) {
                    stale byStatus { status count } } }
                """;
        for (int months : new int[] {1, 3, 12}) {
            LocalDate cutoff = AS_OF.minusMonths(months);
            int stale = (int) actions.stream().filter(a -> !List.of("COMPLETE", "CANCELLED").contains(a.get("status"))
                    && ((LocalDate) a.get("updated")).isBefore(cutoff)).count();
            Map<String, Object> progress = graphQl.document(query).variable("asOf", AS_OF.toString()).variable("months", months)
                    .execute().path("progress").entity(Map.class).get();
            assertThat(progress.get("stale")).as("stale with a cycle of %d months", months).isEqualTo(stale);
            if (months == 3) {
                long open = actions.stream().filter(a -> !List.of("COMPLETE", "CANCELLED").contains(a.get("status"))).count();
                assertThat(stale).as("some open actions are stale, not all").isPositive().isLessThan((int) open);
                Map<String, Integer> byStatus = new HashMap<>();
                actions.forEach(a -> byStatus.merge((String) a.get("status"), 1, Integer::sum));
                Map<String, Integer> counted = new HashMap<>();
                ((List<?>) progress.get("byStatus")).forEach(entry -> counted.put((String) ((Map<?, ?>) entry).get("status"),
                        (Integer) ((Map<?, ?>) entry).get("count")));
                assertThat(counted).isEqualTo(byStatus).hasSize(STATUSES.length);
            }
        }
    }

    @Test
    void derivedRagFollowsTheDocumentedRule() {
        Map<String, Object> progress = graphQl.document("""
                query($asOf: Date) { progress(scope: {id: "board-1", asOf: $asOf}) { unrated byRag { rag count derived } } }
                """).variable("asOf", AS_OF.toString()).execute().path("progress").entity(Map.class).get();
        Map<String, Integer> rag = new HashMap<>();
        int unrated = 0;
        for (Map<String, Object> a : actions) {
            String r = rag(a);
            if (r == null) {
                unrated++;
            } else {
                rag.merge(r, 1, Integer::sum);
            }
        }
        assertThat(progress.get("unrated")).isEqualTo(unrated);
        for (Object o : (List<?>) progress.get("byRag")) {
            Map<?, ?> count = (Map<?, ?>) o;
            assertThat(count.get("count")).as((String) count.get("rag")).isEqualTo(rag.getOrDefault((String) count.get("rag"), 0));
            assertThat(count.get("derived")).isEqualTo(count.get("count"));
        }
    }

    @Test
    void trendReadsTheProgressHistory() {
        write("""
                MATCH (a:Action {id: 'action-syn-1'})
                CREATE (a)-[:HAS_UPDATE]->(:ProgressUpdate {id: 'u-syn-1-later', date: date('2025-03-31'), status: 'COMPLETE', seq: 1})
                SET a.status = 'COMPLETE'
                """, Map.of(), false);
        boolean wasComplete = "COMPLETE".equals(actions.get(1).get("status"));
        int completeBefore = expected(actions).complete;
        List<Map<String, Object>> trend = graphQl.document("""
                { progress(scope: {id: "board-1", asOf: "2025-06-30"}) {
                    trend(dates: ["2024-12-31", "2025-02-28", "2025-04-30"]) { asOf total complete } } }
                """).execute().path("progress.trend").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(trend).extracting(p -> p.get("total")).containsExactly(0, 10_000, 10_000);
        assertThat(trend.get(1).get("complete")).isEqualTo(completeBefore);
        assertThat(trend.get(2).get("complete")).isEqualTo(completeBefore + (wasComplete ? 0 : 1));
    }

    @Test
    void progressIsOneStatementAndAnUnknownScopeIsNull() {
        graphQl.document("{ progress(scope: {id: \"board-none\"}) { total } }")
                .execute()
                .path("progress").valueIsNull();
        graphQl.document("{ progress(scope: {id: \"board-1\", reportingCycleMonths: 0}) { total } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("code")) && e.getMessage().contains("reportingCycleMonths"))
                .verify();
    }

    private String rag(Map<String, Object> a) {
        String status = (String) a.get("status");
        LocalDate due = (LocalDate) a.get("dueDate");
        boolean overdue = due != null && due.isBefore(AS_OF) && !status.equals("COMPLETE") && !status.equals("CANCELLED");
        return switch (status) {
            case "COMPLETE" -> "GREEN";
            case "CANCELLED" -> null;
            case "OFF_TRACK" -> "RED";
            default -> {
                if (overdue) {
                    yield "RED";
                }
                if (status.equals("AT_RISK") || status.equals("ON_HOLD")) {
                    yield "AMBER";
                }
                if (status.equals("UNKNOWN")) {
                    yield null;
                }
                yield due != null && !due.isAfter(AS_OF.plusDays(30)) ? "AMBER" : "GREEN";
            }
        };
    }

    private static boolean isBelow(String board, String ancestor) {
        int b = Integer.parseInt(board.substring("board-".length()));
        int a = Integer.parseInt(ancestor.substring("board-".length()));
        while (b > a) {
            b /= 2;
        }
        return b == a;
    }

    private record Expected(int total, int complete, int countable, int overdue, int stale) {
        double percent() {
            return countable == 0 ? 0 : 100.0 * complete / countable;
        }
    }

    private static Expected expected(List<Map<String, Object>> rows) {
        int complete = 0;
        int countable = 0;
        int overdue = 0;
        int stale = 0;
        for (Map<String, Object> a : rows) {
            String status = (String) a.get("status");
            boolean open = !status.equals("COMPLETE") && !status.equals("CANCELLED");
            complete += status.equals("COMPLETE") ? 1 : 0;
            countable += status.equals("CANCELLED") ? 0 : 1;
            LocalDate due = (LocalDate) a.get("dueDate");
            overdue += open && due != null && due.isBefore(AS_OF) ? 1 : 0;
            stale += open && ((LocalDate) a.get("updated")).isBefore(AS_OF.minusMonths(3)) ? 1 : 0;
        }
        return new Expected(rows.size(), complete, countable, overdue, stale);
    }
}
