package org.partnershipgraph.security;

import java.util.Set;

/**
 * Who is asking: a name for the audit trail, a role, and for a secretariat the boards it serves.
 *
 * @param name   the user's name, or {@code anonymous}
 * @param role   the user's role
 * @param boards the board ids a secretariat serves (empty for other roles)
 */
public record CurrentUser(String name, Role role, Set<String> boards) {

    /** The anonymous public user. */
    public static final CurrentUser ANONYMOUS = new CurrentUser("anonymous", Role.PUBLIC, Set.of());

    /** Whether this user is signed in. */
    public boolean authenticated() {
        return this != ANONYMOUS && role != Role.PUBLIC;
    }
}
