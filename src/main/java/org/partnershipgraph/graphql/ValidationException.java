package org.partnershipgraph.graphql;

/** An input value breaks a rule; the message names the field and says how to fix it. */
public class ValidationException extends RuntimeException {

    private final String field;

    public ValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The input field at fault. */
    public String field() {
        return field;
    }
}
