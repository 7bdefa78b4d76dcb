package org.partnershipgraph.action;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance follows the committed changes to actions for its {@code actionChanged}
 * subscribers, by reading the shared history in Neo4j.
 *
 * @param pollInterval how often an instance with at least one subscriber reads the changes
 *                     committed since its last read; a commit through the instance itself
 *                     also triggers a read at once
 * @param overlap      how far before its last read each read reaches back, so that a
 *                     transaction that commits up to this long after stamping its history entry
 *                     is still delivered (once: entries already delivered are remembered)
 * @param maxSubscribers most {@code actionChanged} subscriptions an instance keeps open at once
 *                       (over WebSocket and event streams together); one more is refused with
 *                       {@code UNAVAILABLE} until one closes
 * @param maxSubscribersPerConnection most {@code actionChanged} subscriptions one WebSocket
 *                       connection keeps open at once, so that one client cannot take every place;
 *                       one more is refused with {@code BAD_REQUEST}
 */
@ConfigurationProperties("partnership.events")
public record ActionEventsProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("5s") Duration overlap,
        @DefaultValue("500") int maxSubscribers, @DefaultValue("20") int maxSubscribersPerConnection) {

    public ActionEventsProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("partnership.events.poll-interval must be positive, was " + pollInterval);
        }
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("partnership.events.overlap must not be negative, was " + overlap);
        }
        if (maxSubscribers < 1) {
            throw new IllegalArgumentException("partnership.events.max-subscribers must be at least 1, was " + maxSubscribers);
        }
        if (maxSubscribersPerConnection < 1) {
            throw new IllegalArgumentException("partnership.events.max-subscribers-per-connection must be at least 1, was "
                    + maxSubscribersPerConnection);
        }
    }
}
