package org.partnershipgraph.security;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Row-level access: a secretariat may change the items of its own boards and of the bodies
 * below them, decided from the graph in one indexed query, never from what the client says.
 */
@Component
public class BoardScopes {

    private final Neo4jClient neo4j;

    BoardScopes(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Refuses with FORBIDDEN unless {@code user} may change items of {@code boardId}: an admin
     * always, a secretariat for its boards and those below, nobody else; a null board (an item
     * accountable to no body) is for admins only.
     */
    public void requireCanChange(CurrentUser user, String boardId) {
        if (user.role() == Role.ADMIN) {
            return;
        }
        if (user.role() != Role.SECRETARIAT) {
            throw new FieldAccessDeniedException("The " + user.role() + " role may not change anything.", user.authenticated());
        }
        boolean allowed = boardId != null && neo4j.query(SecurityCypher.WITHIN)
                .bindAll(Map.of("board", boardId, "boards", List.copyOf(user.boards())))
                .fetchAs(Boolean.class).mappedBy((t, r) -> r.get("allowed").asBoolean()).one().orElse(false);
        if (!allowed) {
            throw new FieldAccessDeniedException("Your secretariat serves " + user.boards() + "; "
                    + (boardId == null ? "this item answers to no board" : boardId + " is not one of them or below them")
                    + ", so you may not change it.", true);
        }
    }
}
