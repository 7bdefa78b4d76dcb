package org.partnershipgraph.security;

/** The caller's role may not read a field or run an operation. */
public class FieldAccessDeniedException extends RuntimeException {

    private final boolean authenticated;

    public FieldAccessDeniedException(String coordinates, Access access, CurrentUser user) {
        super(user.authenticated()
                ? coordinates + " needs " + access + " access; the " + user.role() + " role does not have it."
                : coordinates + " needs " + access + " access: sign in.");
        this.authenticated = user.authenticated();
    }

    public FieldAccessDeniedException(String message, boolean authenticated) {
        super(message);
        this.authenticated = authenticated;
    }

    /** Whether the caller was signed in (FORBIDDEN) or not (UNAUTHENTICATED). */
    public boolean authenticated() {
        return authenticated;
    }
}
