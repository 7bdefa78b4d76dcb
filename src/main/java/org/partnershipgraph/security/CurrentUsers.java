package org.partnershipgraph.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link CurrentUser} from Spring Security's context, whatever signed the user in. */
public final class CurrentUsers {

    /** Authority prefix carrying a secretariat's board ids. */
    static final String BOARD_PREFIX = "BOARD_";

    private CurrentUsers() {
    }

    /** The user of the current request (the anonymous user when nobody is signed in). */
    public static CurrentUser current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The user an authentication stands for. */
    public static CurrentUser from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return CurrentUser.ANONYMOUS;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Role role = Arrays.stream(Role.values()).sorted((a, b) -> b.ordinal() - a.ordinal())
                .filter(r -> authorities.contains(r.authority())).findFirst().orElse(Role.PUBLIC);
        Set<String> boards = authorities.stream().filter(a -> a.startsWith(BOARD_PREFIX))
                .map(a -> a.substring(BOARD_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(authentication.getName(), role, role == Role.SECRETARIAT ? boards : Set.of());
    }
}
