package org.partnershipgraph.board;

import org.springframework.data.annotation.Version;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A decision as written by mutations: properties only; its meeting is linked by Cypher. */
@Node({"Decision", "Node"})
class DecisionEntity {

    @Id
    private String id;

    @Version
    private Long version;

    private String text;
    private String number;

    DecisionEntity() {
    }

    DecisionEntity(String id, String text, String number) {
        this.id = id;
        this.text = text;
        this.number = number;
    }
}
