package org.partnershipgraph.action;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Changes to actions, published only after their transaction commits (a rolled-back change is
 * never seen), to the subscribers of this instance.
 */
@Component
public class ActionEvents {

    /** One row {@code a, boards}: action {@code $id} and the ids of its board and every body above it. */
    private static final String CHANGED = """
            MATCH (a:Action {id: $id})
            RETURN a, COLLECT { MATCH (a)-[:ACCOUNTABLE_TO]->(:Board)-[:REPORTS_TO*0..]->(b:Board) RETURN DISTINCT b.id } AS boards
            """;

    private final Sinks.Many<ActionChange> sink = Sinks.many().multicast().directBestEffort();
    private final Neo4jClient neo4j;

    ActionEvents(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Publishes the change of {@code actionId} once the current transaction has committed: the
     * action is read now, inside the transaction that changed it, and emitted only after commit.
     */
    void afterCommit(String actionId, String operation, String by) {
        ActionChange change = neo4j.query(CHANGED).bindAll(Map.of("id", actionId)).fetchAs(ActionChange.class)
                .mappedBy((t, r) -> new ActionChange(Action.from(r.get("a").asNode()), operation,
                        OffsetDateTime.now(ZoneOffset.UTC), new HashSet<>(r.get("boards").asList(Value::asString))))
                .one().orElseThrow();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
            }
        });
    }

    /** Every change from now on. */
    public Flux<ActionChange> changes() {
        return sink.asFlux();
    }

    static boolean concerns(ActionChange change, String boardId) {
        return boardId == null || change.boards().contains(boardId);
    }
}
