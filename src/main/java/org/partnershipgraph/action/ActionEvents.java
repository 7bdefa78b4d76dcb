package org.partnershipgraph.action;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.partnershipgraph.graphql.BadRequestException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Committed changes to actions, for this instance's subscribers, read from the history entries
 * every instance writes to the shared database: so a change made through any instance reaches the
 * subscribers of all of them, and a rolled-back change (which leaves no entry) reaches none.
 * <p>
 * While it has at least one subscriber, and only then, the instance reads the history entries
 * about actions stamped since its last read less {@link ActionEventsProperties#overlap()}, every
 * {@link ActionEventsProperties#pollInterval()} and at once after each commit through itself,
 * and then, in one batch, the actions of the entries it has not delivered yet: it remembers the
 * entries it has delivered within the overlap, so each is delivered once. The first successful
 * read after the first subscriber arrives marks where the feed starts, delivering only what was
 * stamped since that subscriber arrived (which, when Neo4j was away then, may be more than
 * nothing). A failed read is logged once per outage and retried at the next interval; reading
 * stops when the application stops, and subscriptions end with an {@code UNAVAILABLE} error that
 * tells their clients to subscribe again.
 */
@Component
public class ActionEvents implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActionEvents.class);

    private static final int SUBSCRIBER_BUFFER = 256;

    private final Neo4jClient neo4j;
    private final TransactionTemplate readOnly;
    private final ActionEventsProperties properties;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("action-events").daemon().factory());
    private final Scheduler readerScheduler = Schedulers.fromExecutor(reader);
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
    private final AtomicReference<Sinks.One<Boolean>> stopSignal = new AtomicReference<>(Sinks.one());
    private final AtomicReference<Feed> feed = new AtomicReference<>();
    private final Flux<ActionChange> changes;
    private final AtomicInteger subscribers = new AtomicInteger();
    /** Open subscriptions per WebSocket connection (session id), for those with any. */
    private final Map<String, Integer> perConnection = new ConcurrentHashMap<>();
    private final AtomicBoolean atLimit = new AtomicBoolean();
    private volatile boolean running = true;

    ActionEvents(Neo4jClient neo4j, PlatformTransactionManager transactions, ActionEventsProperties properties,
            MeterRegistry meters) {
        this.neo4j = neo4j;
        Gauge.builder("partnership.events.subscribers", subscribers, AtomicInteger::get)
                .description("actionChanged subscriptions open on this instance").register(meters);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.changes = Flux.defer(this::follow).publish().refCount(1);
    }

    /**
     * Makes this instance read the changes as soon as the current transaction has committed,
     * rather than at its next interval; nothing happens if it rolls back.
     */
    void pollAfterCommit() {
        if (feed.get() == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // A failed emission means there is no feed, or another wake-up is being emitted.
                wakeups.tryEmitNext(Boolean.TRUE);
            }
        });
    }

    /**
     * Every change committed from now on (while the feed's first reads fail, from when its first
     * subscriber arrived), through any instance, that concerns board {@code boardId}
     * (every change when null; see {@link #concerns}); a subscriber that falls more than 256 such
     * changes behind loses the oldest (logged once per subscription). Each subscriber receives on a
     * worker of Reactor's bounded-elastic scheduler: the fields of its events (read from Neo4j on the
     * thread that delivers them) never hold up the reader, nor other subscribers until there are
     * more subscribers than the scheduler has threads (ten per core).
     *
     * @param connection the WebSocket connection asking (its session id), whose subscriptions are
     *                   counted; null for an HTTP event stream, a connection of its own
     * @throws SubscriberLimitException when {@link ActionEventsProperties#maxSubscribers()}
     *         subscriptions are open already (checked here, counted while subscribed: two callers
     *         arriving together at the limit may both get in)
     * @throws BadRequestException when {@code connection} has
     *         {@link ActionEventsProperties#maxSubscribersPerConnection()} open already (counted the same way)
     */
    public Flux<ActionChange> changes(String boardId, String connection) {
        if (connection != null && perConnection.getOrDefault(connection, 0) >= properties.maxSubscribersPerConnection()) {
            throw new BadRequestException("This connection already has " + properties.maxSubscribersPerConnection()
                    + " actionChanged subscriptions open, the most one connection may have: end one you no longer need "
                    + "(one subscription without boardId receives the changes of every board).");
        }
        if (subscribers.get() >= properties.maxSubscribers()) {
            if (atLimit.compareAndSet(false, true)) {
                log.warn("Refusing actionChanged subscriptions: {} are open, the limit (partnership.events.max-subscribers)",
                        properties.maxSubscribers());
            }
            throw new SubscriberLimitException(properties.maxSubscribers());
        }
        AtomicBoolean warned = new AtomicBoolean();
        return changes.filter(change -> concerns(change, boardId))
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> {
                    if (warned.compareAndSet(false, true)) {
                        log.warn("A subscriber (board {}) fell more than {} changes behind and loses the oldest, "
                                + "starting with the change to {} stamped {}", boardId, SUBSCRIBER_BUFFER,
                                dropped.action().id(), dropped.at());
                    }
                }, BufferOverflowStrategy.DROP_OLDEST)
                .publishOn(Schedulers.boundedElastic(), 1)
                .doOnSubscribe(subscription -> {
                    subscribers.incrementAndGet();
                    if (connection != null) {
                        perConnection.merge(connection, 1, Integer::sum);
                    }
                })
                .doFinally(signal -> {
                    if (connection != null) {
                        perConnection.computeIfPresent(connection, (id, open) -> open > 1 ? open - 1 : null);
                    }
                    if (subscribers.decrementAndGet() < properties.maxSubscribers() && atLimit.compareAndSet(true, false)) {
                        log.info("Taking actionChanged subscriptions again");
                    }
                });
    }

    /** How many {@code actionChanged} subscriptions are open on this instance. */
    public int subscribers() {
        return subscribers.get();
    }

    /**
     * Whether this instance is following the changes: it has a subscriber and has read where the
     * feed starts, so every change committed from now on will be delivered.
     */
    public boolean following() {
        Feed current = feed.get();
        return current != null && current.started();
    }

    static boolean concerns(ActionChange change, String boardId) {
        return boardId == null || change.boards().contains(boardId);
    }

    private Flux<ActionChange> follow() {
        Sinks.One<Boolean> stopped = stopSignal.get();
        if (!running) {
            return Flux.error(SubscriptionsStoppedException::new);
        }
        Feed current = new Feed(properties.overlap());
        feed.set(current);
        return Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()), wakeups.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> poll(current)).subscribeOn(readerScheduler), 1)
                .concatMapIterable(batch -> batch)
                .takeUntilOther(stopped.asMono())
                .concatWith(Mono.error(SubscriptionsStoppedException::new))
                .doFinally(signal -> feed.compareAndSet(current, null));
    }

    private List<ActionChange> poll(Feed current) {
        try {
            Duration lookback = current.lookback(current.sinceStart());
            Read read = readOnly.execute(status -> {
                Stamps stamps = stamps(current.cursor(), lookback);
                List<String> undelivered = current.undelivered(stamps, current.sinceStart());
                return new Read(stamps, undelivered.isEmpty() ? List.of() : changes(undelivered));
            });
            current.advance(read.stamps());
            if (current.failing) {
                log.info("Reading action changes for subscribers again");
                current.failing = false;
            }
            return read.changes();
        } catch (RuntimeException ex) {
            if (!running || feed.get() != current) {
                log.debug("Read of action changes ended with its feed: {}", ex.toString());
            } else if (!current.failing) {
                log.warn("Cannot read action changes for subscribers; retrying every {}: {}",
                        properties.pollInterval(), ex.toString());
                current.failing = true;
            } else {
                log.debug("Still cannot read action changes: {}", ex.toString());
            }
            return List.of();
        }
    }

    private Stamps stamps(OffsetDateTime cursor, Duration lookback) {
        Map<String, Object> params = new HashMap<>();
        params.put("cursor", cursor);
        params.put("overlapMillis", lookback.toMillis());
        return neo4j.query(ActionCypher.CHANGED_SINCE).bindAll(params).fetchAs(Stamps.class)
                .mappedBy((t, r) -> new Stamps(r.get("now").asOffsetDateTime(), r.get("entries")
                        .asList(v -> new Stamp(v.get("id").asString(), v.get("at").asOffsetDateTime()))))
                .one().orElseThrow();
    }

    /**
     * The changes of {@code historyIds}. A row that cannot be read as an action (a property of
     * another type, written around the API) is left out with a warning, rather than failing the
     * read: a failed read does not move the cursor, so one such row would stop every event of
     * every subscriber of this instance.
     */
    private List<ActionChange> changes(List<String> historyIds) {
        List<ActionChange> changes = new ArrayList<>();
        neo4j.query(ActionCypher.CHANGES).bindAll(Map.of("ids", historyIds)).fetchAs(Record.class)
                .mappedBy((t, r) -> r).all().forEach(r -> {
                    try {
                        changes.add(new ActionChange(Action.from(r.get("a").asNode()), r.get("operation").asString(),
                                r.get("at").asOffsetDateTime(), Set.copyOf(r.get("boards").asList(Value::asString))));
                    } catch (RuntimeException ex) {
                        log.warn("History entry {} about action {} cannot be read for subscribers and is not sent: {}",
                                r.get("id").asString(), r.get("a").get("id"), ex.toString());
                    }
                });
        return List.copyOf(changes);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the feed, ending every subscription with an {@code UNAVAILABLE} error (as it does new
     * ones until {@link #start()} lets subscribers in again).
     */
    @Override
    public void stop() {
        running = false;
        stopSignal.getAndSet(Sinks.one()).tryEmitValue(Boolean.TRUE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
        reader.shutdownNow();
    }

    /** What one read found, and the changes it is to deliver. */
    private record Read(Stamps stamps, List<ActionChange> changes) {
    }

    /** The database clock when a read ran, and the history entries it found, oldest first. */
    private record Stamps(OffsetDateTime now, List<Stamp> entries) {
    }

    /** A history entry about an action: its id and when it was stamped. */
    private record Stamp(String id, OffsetDateTime at) {
    }

    /** Where one run of the feed stands: read only on the feed's thread. */
    private static final class Feed {

        private final Duration overlap;
        private final long createdNanos = System.nanoTime();
        private final Map<String, OffsetDateTime> delivered = new HashMap<>();
        private OffsetDateTime cursor;
        private volatile boolean started;
        private boolean failing;

        Feed(Duration overlap) {
            this.overlap = overlap;
        }

        OffsetDateTime cursor() {
            return cursor;
        }

        boolean started() {
            return started;
        }

        /** How long ago, by this instance's clock, the feed began (its first subscriber arrived). */
        Duration sinceStart() {
            return Duration.ofNanos(System.nanoTime() - createdNanos);
        }

        /**
         * How far before the cursor a read reaches back: the overlap; until a read has succeeded,
         * the overlap before the feed began, however long its first reads have been failing.
         */
        Duration lookback(Duration sinceStart) {
            return started ? overlap : overlap.plus(sinceStart);
        }

        /**
         * The ids of the entries in {@code stamps} not delivered yet. The first successful read
         * marks where the feed starts: it delivers only the entries stamped since the feed began
         * ({@code sinceStart}, measured after the read, before the database's clock at the read:
         * a little early rather than late), so the changes made while its first reads were failing
         * (Neo4j away when the first subscriber arrived) still arrive.
         */
        List<String> undelivered(Stamps stamps, Duration sinceStart) {
            if (!started) {
                OffsetDateTime began = stamps.now().minus(sinceStart);
                return stamps.entries().stream().filter(stamp -> stamp.at().isAfter(began)).map(Stamp::id).toList();
            }
            return stamps.entries().stream().map(Stamp::id).filter(id -> !delivered.containsKey(id)).toList();
        }

        /** Records {@code stamps} as delivered, moves the cursor to their read, and forgets what the next read cannot see. */
        void advance(Stamps stamps) {
            stamps.entries().forEach(stamp -> delivered.put(stamp.id(), stamp.at()));
            if (cursor == null || stamps.now().isAfter(cursor)) {
                cursor = stamps.now();
            }
            OffsetDateTime horizon = cursor.minus(overlap);
            delivered.values().removeIf(at -> !at.isAfter(horizon));
            started = true;
        }
    }
}
