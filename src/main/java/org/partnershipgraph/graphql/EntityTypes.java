package org.partnershipgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Component;

/** Registry of every {@link EntityType}: maps a node of any label to its read record. */
@Component
public class EntityTypes {

    private final Map<String, Function<Node, Object>> mappers;

    public EntityTypes(List<EntityType> types) {
        this.mappers = types.stream().collect(Collectors.toUnmodifiableMap(EntityType::label, EntityType::mapper));
    }

    /** The read record for {@code node}, chosen by its labels; null when no label is known. */
    public Object map(Node node) {
        if (node == null) {
            return null;
        }
        for (String label : node.labels()) {
            Function<Node, Object> mapper = mappers.get(label);
            if (mapper != null) {
                return mapper.apply(node);
            }
        }
        return null;
    }
}
