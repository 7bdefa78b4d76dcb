package org.partnershipgraph.security;

import java.util.EnumSet;
import java.util.Set;

/** What a field or operation requires, as listed in {@code security/field-access.txt}. */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC(EnumSet.allOf(Role.class)),
    /** Signed-in staff of partners: everything but history. */
    PARTNER(EnumSet.of(Role.PARTNER, Role.SECRETARIAT, Role.AUDITOR, Role.ADMIN)),
    /** History and audit trails. */
    AUDITOR(EnumSet.of(Role.AUDITOR, Role.ADMIN)),
    /** Changes; secretariats are further limited to their own boards by the services. */
    WRITE(EnumSet.of(Role.SECRETARIAT, Role.ADMIN));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = roles;
    }

    /** The Spring Security authorities of the roles with this access. */
    public String[] authorities() {
        return roles.stream().map(Role::authority).toArray(String[]::new);
    }

    /** Whether {@code role} has this access. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
