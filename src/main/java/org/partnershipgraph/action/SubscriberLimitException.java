package org.partnershipgraph.action;

/** This instance already has as many {@code actionChanged} subscribers as it takes; nothing was subscribed. */
public class SubscriberLimitException extends RuntimeException {

    /** The limit reached, {@code limit} open subscriptions, named in the message with what to do. */
    public SubscriberLimitException(int limit) {
        super("This service already has its limit of " + limit + " live subscriptions open; try again in a minute, "
                + "or close a subscription you no longer need.");
    }
}
