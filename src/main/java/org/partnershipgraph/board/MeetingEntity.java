package org.partnershipgraph.board;

import java.time.LocalDate;

import org.springframework.data.annotation.Version;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A meeting as written by mutations: properties only; its board is linked by Cypher. */
@Node({"Meeting", "Node"})
class MeetingEntity {

    @Id
    private String id;

    @Version
    private Long version;

    private LocalDate date;
    private String title;
    private String location;

    MeetingEntity() {
    }

    MeetingEntity(String id, LocalDate date, String title, String location) {
        this.id = id;
        this.date = date;
        this.title = title;
        this.location = location;
    }
}
