package org.partnershipgraph.security;

/**
 * The roles of API.md. Reads: PUBLIC sees public data; PARTNER, SECRETARIAT, AUDITOR and ADMIN
 * see everything but history, which only AUDITOR and ADMIN see. Writes: SECRETARIAT on its own
 * boards and those below them, ADMIN everywhere; AUDITOR never writes.
 */
public enum Role {
    PUBLIC,
    PARTNER,
    SECRETARIAT,
    AUDITOR,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
