package org.partnershipgraph.audit;

import java.util.Objects;

/** One field's value before and after a change, as text. */
public record FieldChange(String field, String before, String after) {

    /** A change of {@code field}, or null when the value did not change. */
    public static FieldChange of(String field, Object before, Object after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        return Objects.equals(b, a) ? null : new FieldChange(field, b, a);
    }
}
