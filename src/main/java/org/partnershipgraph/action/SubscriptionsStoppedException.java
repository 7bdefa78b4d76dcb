package org.partnershipgraph.action;

/**
 * This instance is stopping: it ends its {@code actionChanged} subscriptions with this error, not a
 * completion, so that their clients subscribe again (on another instance, or on this one restarted).
 */
public class SubscriptionsStoppedException extends RuntimeException {

    /** The error every subscription of a stopping instance ends with, saying what to do. */
    public SubscriptionsStoppedException() {
        super("This instance of the service is stopping: subscribe again, on a new connection. Changes committed "
                + "until you do are not sent: read again the actions you follow (a higher version shows a change to "
                + "their own fields).");
    }
}
