package org.partnershipgraph.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.partnershipgraph.SyntheticGraphTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/**
 * An instance keeps at most {@code partnership.events.max-subscribers} subscriptions open (here
 * 3): one more is refused with {@code UNAVAILABLE}, and taken again once one has closed; the
 * open count is a metric. One WebSocket connection keeps at most
 * {@code partnership.events.max-subscribers-per-connection} (here 2): one more on it is refused
 * with {@code BAD_REQUEST}, while another connection may subscribe. A stopping instance ends its
 * subscriptions with {@code UNAVAILABLE}, so that their clients subscribe again elsewhere.
 */
@TestPropertySource(properties = {"partnership.events.max-subscribers=3", "partnership.events.max-subscribers-per-connection=2"})
class SubscriberLimitTest extends SyntheticGraphTestSupport {

    private static final Path DATA = dataDirectory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        emptyDatabase(registry, DATA);
    }


    private static final String SUBSCRIPTION = "subscription { actionChanged(boardId: \"board-hwbb\") { operation } }";

    @Autowired
    private ActionEvents actionEvents;

    @Test
    void aSubscriptionOverTheLimitsIsRefusedUntilOneCloses() {
        clear();
        write("CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})", Map.of(), false);
        WebSocketGraphQlTester socket = socket();
        WebSocketGraphQlTester other = socket();
        try {
            Disposable first = socket.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe();
            Disposable second = socket.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe();
            await("two subscriptions are open", () -> actionEvents.subscribers() == 2);
            assertThatThrownBy(() -> socket.document(SUBSCRIPTION).executeSubscription().toFlux().blockFirst(TIMEOUT))
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                            .singleElement().satisfies(error -> {
                                assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
                                assertThat(error.getMessage()).contains("This connection already has 2 actionChanged subscriptions open");
                            }));

            Disposable third = other.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe();
            await("another connection subscribes", () -> actionEvents.subscribers() == 3);
            http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body).contains("partnership_events_subscribers 3.0"));
            assertThatThrownBy(() -> other.document(SUBSCRIPTION).executeSubscription().toFlux().blockFirst(TIMEOUT))
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                            .singleElement().satisfies(error -> {
                                assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE");
                                assertThat(error.getMessage()).contains("limit of 3 live subscriptions");
                            }));
            assertThatThrownBy(() -> socket.document(SUBSCRIPTION).executeSubscription().toFlux().blockFirst(TIMEOUT))
                    .as("a connection over its own limit hears so, whether or not the instance is full")
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                            .singleElement().satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
            assertThat(actionEvents.subscribers()).isEqualTo(3);

            first.dispose();
            await("the closed subscription is no longer counted", () -> actionEvents.subscribers() == 2);
            Disposable fourth = socket.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe();
            await("a new subscription is taken on the connection that closed one", () -> actionEvents.subscribers() == 3);
            second.dispose();
            third.dispose();
            fourth.dispose();
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
            other.stop().block(Duration.ofSeconds(10));
        }
        await("no subscription is counted once the sockets have closed", () -> actionEvents.subscribers() == 0);
    }

    @Test
    void aStoppingInstanceEndsItsSubscriptionsWithAnErrorThatSaysToSubscribeAgain() {
        clear();
        write("CREATE (:Board:Node {id: 'board-hwbb', name: 'Health and Wellbeing Board', kind: 'BOARD'})", Map.of(), false);
        WebSocketGraphQlTester socket = socket();
        try {
            CompletableFuture<Void> ended = socket.document(SUBSCRIPTION).executeSubscription().toFlux().then().toFuture();
            await("the service follows the changes for its subscriber", actionEvents::following);
            actionEvents.stop();
            assertThatThrownBy(() -> ended.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("an open subscription ends with an error, not a completion")
                    .hasCauseInstanceOf(SubscriptionErrorException.class)
                    .cause().satisfies(ex -> assertThat(((SubscriptionErrorException) ex).getErrors())
                            .singleElement().satisfies(error -> {
                                assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE");
                                assertThat(error.getMessage()).contains("is stopping: subscribe again");
                            }));
            assertThatThrownBy(() -> socket.document(SUBSCRIPTION).executeSubscription().toFlux().blockFirst(TIMEOUT))
                    .as("so does one started while the instance stops")
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, ex -> assertThat(ex.getErrors())
                            .singleElement().satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE")));
            actionEvents.start();
            Disposable again = socket.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe();
            await("subscriptions are taken again once the instance runs", actionEvents::following);
            again.dispose();
        } finally {
            actionEvents.start();
            socket.stop().block(Duration.ofSeconds(10));
        }
        await("no subscription is counted once the last has ended", () -> actionEvents.subscribers() == 0);
    }

    private WebSocketGraphQlTester socket() {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient()).build();
    }
}
