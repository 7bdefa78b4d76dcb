package org.partnershipgraph.action;

import org.partnershipgraph.graphql.BadRequestException;

/** This WebSocket connection already has as many {@code actionChanged} subscriptions as one may have; nothing was subscribed. */
public class ConnectionSubscriberLimitException extends BadRequestException {

    /** The limit reached, {@code limit} open subscriptions on one connection, named in the message with what to do. */
    public ConnectionSubscriberLimitException(int limit) {
        super("This connection already has " + limit + " actionChanged subscriptions open, the most one connection may "
                + "have: end one you no longer need (one subscription without boardId receives the changes of every board).");
    }
}
