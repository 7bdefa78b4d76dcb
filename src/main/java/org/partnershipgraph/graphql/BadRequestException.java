package org.partnershipgraph.graphql;

/** A request argument the API cannot use; the message says what was wrong and how to fix it. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
