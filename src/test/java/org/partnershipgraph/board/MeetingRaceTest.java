package org.partnershipgraph.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestBase;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Two secretariat clients recording the same meeting, decision or action at the same moment: one
 * is recorded, the other is refused with {@code VALIDATION} naming it, never both. Each round
 * starts both requests together; the board's (or the meeting's) lock is what keeps them apart.
 */
class MeetingRaceTest extends SyntheticGraphTestBase {

    private static final int ROUNDS = 8;

    @BeforeEach
    void boards() {
        clear();
        write("CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})", Map.of(), false);
    }

    @Test
    void theSameMeetingRecordedTwiceAtOnceIsRecordedOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String mutation = """
                    mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-05-%02d", title: "Race"}) { meeting { id } } }
                    """.formatted(round);
            List<Map<String, Object>> answers = together(mutation);
            assertOneRecordedOneRefused(answers, "recordMeeting");
            assertThat(count("MATCH (m:Meeting)-[:OF]->(:Board {id: 'board-hwbb'}) WHERE m.date = date('2025-05-%02d') RETURN count(m)"
                    .formatted(round))).as("meetings on day %d", round).isEqualTo(1);
        }
    }

    @Test
    void theSameDecisionRecordedTwiceAtOnceIsRecordedOnce() throws Exception {
        String meeting = as("hwbb-secretariat").document("""
                mutation { recordMeeting(input: {boardId: "board-hwbb", date: "2025-06-01", title: "Decisions race"}) { meeting { id } } }
                """).execute().path("recordMeeting.meeting.id").entity(String.class).get();
        for (int round = 1; round <= ROUNDS; round++) {
            String mutation = """
                    mutation { recordDecision(input: {meetingId: "%s", text: "RESOLVED: item %d."}) { decision { id } } }
                    """.formatted(meeting, round);
            assertOneRecordedOneRefused(together(mutation), "recordDecision");
        }
        assertThat(count("MATCH (:Meeting {id: '" + meeting + "'})-[:DECIDED]->(d:Decision) RETURN count(d)")).isEqualTo(ROUNDS);
    }

    @Test
    void theSameActionCreatedTwiceAtOnceIsCreatedOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String mutation = """
                    mutation { createAction(input: {title: "Race %d", accountableTo: "board-hwbb", dueDate: "2026-03-31"}) { action { id } } }
                    """.formatted(round);
            assertOneRecordedOneRefused(together(mutation), "createAction");
        }
        assertThat(count("MATCH (a:Action)-[:ACCOUNTABLE_TO]->(:Board {id: 'board-hwbb'}) RETURN count(a)")).isEqualTo(ROUNDS);
    }

    /** The answers of two clients sending {@code mutation} at the same moment. */
    private List<Map<String, Object>> together(String mutation) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(threads.submit(() -> {
                    start.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                            .headers(h -> h.setBasicAuth("hwbb-secretariat", USERS.get("hwbb-secretariat")))
                            .bodyValue(Map.of("query", mutation)).exchange().expectStatus().isOk()
                            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
                }));
            }
            List<Map<String, Object>> answers = new ArrayList<>();
            for (Future<Map<String, Object>> call : calls) {
                answers.add(call.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertOneRecordedOneRefused(List<Map<String, Object>> answers, String field) {
        List<Map<String, Object>> recorded = answers.stream()
                .filter(a -> a.get("data") instanceof Map<?, ?> data && data.get(field) != null).toList();
        List<Map<String, Object>> refused = answers.stream().filter(a -> a.get("errors") != null).toList();
        assertThat(recorded).as("recorded once: %s", answers).hasSize(1);
        assertThat(refused).as("refused once: %s", answers).singleElement().satisfies(answer -> {
            Map<String, Object> error = ((List<Map<String, Object>>) answer.get("errors")).getFirst();
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code", "VALIDATION");
        });
    }
}
