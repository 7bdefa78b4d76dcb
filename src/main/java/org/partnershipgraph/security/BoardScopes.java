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
        requireCanChangeAny(user, boardId == null ? List.of() : List.of(boardId));
    }

    /**
     * Refuses with FORBIDDEN unless {@code user} may change an item of any of {@code boardIds} (an
     * action's accountable board and the board owning it): as {@link #requireCanChange}, and with
     * no boards for admins only.
     */
    public void requireCanChangeAny(CurrentUser user, List<String> boardIds) {
        if (user.role() == Role.ADMIN) {
            return;
        }
        if (user.role() != Role.SECRETARIAT) {
            throw new FieldAccessDeniedException("The " + user.role() + " role may not change anything.", user.authenticated());
        }
        boolean allowed = !boardIds.isEmpty() && neo4j.query(SecurityCypher.WITHIN)
                .bindAll(Map.of("candidates", List.copyOf(boardIds), "boards", List.copyOf(user.boards())))
                .fetchAs(Boolean.class).mappedBy((t, r) -> r.get("allowed").asBoolean()).one().orElse(false);
        if (!allowed) {
            throw new FieldAccessDeniedException("Your secretariat serves " + user.boards() + "; "
                    + (boardIds.isEmpty() ? "this item answers to no board"
                            : String.join(" and ", boardIds) + (boardIds.size() == 1 ? " is" : " are")
                                    + " not one of them or below them")
                    + ", so you may not change it.", true);
        }
    }
}
