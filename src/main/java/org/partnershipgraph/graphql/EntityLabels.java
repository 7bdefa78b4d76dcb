package org.partnershipgraph.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What kind of entity a business id names, for inputs that must name an entity of a given kind;
 * inside a mutation it reads in the mutation's transaction.
 */
@Component
@Transactional(readOnly = true)
public class EntityLabels {

    private final Neo4jClient neo4j;

    public EntityLabels(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The labels of the entity with id {@code id}; empty when no entity has it. */
    private List<String> of(String id) {
        Value labels = neo4j.query(NodeCypher.LABELS).bindAll(Map.of("id", id)).fetchAs(Value.class)
                .mappedBy((t, r) -> r.get("labels")).one().orElseThrow();
        return labels.isNull() ? List.of() : labels.asList(Value::asString);
    }

    /**
     * Requires {@code id} to name an entity labelled {@code label}, else a {@link NotFoundException}:
     * "No board has id x", or "x is a Meeting, not a board" when it names another kind of entity;
     * each followed by {@code hint}.
     */
    public void requireFound(String id, String label, String hint) {
        List<String> labels = of(id);
        if (!labels.contains(label)) {
            String kind = label.toLowerCase(Locale.ROOT);
            throw new NotFoundException((labels.isEmpty() ? "No " + kind + " has id " + id
                    : id + " is " + article(kindOf(labels)) + ", not " + article(kind)) + ": " + hint);
        }
    }

    /** The entity's own label: the first that is not the shared {@code Node}. */
    private static String kindOf(List<String> labels) {
        return labels.stream().filter(l -> !l.equals("Node")).findFirst().orElse("Node");
    }

    private static String article(String noun) {
        return ("AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /**
     * Requires input {@code field} to name an entity with one of the labels {@code allowed}, else
     * a {@link ValidationException}: "is required", "no board has id x" (for one label; "no entity
     * has id x" for several) or "x is not a Board".
     */
    public void require(String field, String id, Set<String> allowed) {
        if (id == null || id.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        List<String> labels = of(id);
        if (labels.isEmpty()) {
            String kind = allowed.size() == 1 ? allowed.iterator().next().toLowerCase(Locale.ROOT) : "entity";
            throw new ValidationException(field, "no " + kind + " has id " + id);
        }
        if (labels.stream().noneMatch(allowed::contains)) {
            String names = String.join(" or ", allowed.stream().sorted().toList());
            throw new ValidationException(field, id + " is not " + article(names));
        }
    }
}
