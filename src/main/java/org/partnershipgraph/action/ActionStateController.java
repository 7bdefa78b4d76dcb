package org.partnershipgraph.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipgraph.audit.FieldChange;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Action.stateAsOf(date)}: status, RAG and percent from the latest progress update on or
 * before the date; owner and due date by undoing, newest first, the history entries committed
 * after it ends (midnight in the clock's zone, {@code partnership.time-zone}). Before the action's
 * first update (its source document's date, or the date it was agreed, given when it was created)
 * nothing is recorded: every field but the date is null. One statement for all the actions of a request.
 */
@Controller
public class ActionStateController {

    private static final String LOADER = "actionStateAsOf";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Key of a state load: an action and a date. */
    record Key(String id, LocalDate date) {
    }

    ActionStateController(BatchLoaderRegistry registry, Neo4jClient neo4j, PlatformTransactionManager transactions,
            Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        ZoneId zone = clock.getZone();
        registry.<Key, ActionState>forName(LOADER).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(
                () -> readOnly.execute(status -> load(neo4j, keys, zone))));
    }

    @SchemaMapping(typeName = "Action")
    public CompletableFuture<ActionState> stateAsOf(Action action, @Argument LocalDate date, DataFetchingEnvironment env) {
        DataLoader<Key, ActionState> loader = env.getDataLoader(LOADER);
        return loader.load(new Key(action.id(), date));
    }

    private static Map<Key, ActionState> load(Neo4jClient neo4j, Set<Key> keys, ZoneId zone) {
        List<Map<String, Object>> params = keys.stream().map(k -> Map.<String, Object>of("id", k.id(), "date", k.date(),
                "after", k.date().plusDays(1).atStartOfDay(zone).toOffsetDateTime())).toList();
        Map<Key, ActionState> result = new HashMap<>();
        for (Record row : neo4j.query(ActionCypher.STATE_AS_OF).bindAll(Map.of("keys", params)).fetchAs(Record.class)
                .mappedBy((t, r) -> r).all()) {
            Key key = new Key(row.get("key").get("id").asString(), row.get("key").get("date").asLocalDate());
            Value u = row.get("u");
            if (u.isNull()) {
                result.put(key, new ActionState(key.date(), null, null, null, null, null));
                continue;
            }
            Map<String, String> undone = new HashMap<>();
            undone.put("ownerId", row.get("owner").isNull() ? null : row.get("owner").asString());
            undone.put("dueDate", row.get("dueDate").isNull() ? null : row.get("dueDate").asLocalDate().toString());
            for (Value entry : row.get("later").values()) {
                for (FieldChange change : JSON.readValue(entry.asString(), FieldChange[].class)) {
                    if (undone.containsKey(change.field())) {
                        undone.put(change.field(), change.before());
                    }
                }
            }
            result.put(key, new ActionState(key.date(), u.get("status").asString(null), u.get("rag").asString(null),
                    u.get("percentComplete").isNull() ? null : u.get("percentComplete").asInt(),
                    undone.get("ownerId"), undone.get("dueDate") == null ? null : LocalDate.parse(undone.get("dueDate"))));
        }
        return result;
    }
}
