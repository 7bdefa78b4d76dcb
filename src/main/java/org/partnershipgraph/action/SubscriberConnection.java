package org.partnershipgraph.action;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The WebSocket connection an operation came over, in the GraphQL context, so that
 * {@link ActionEvents} can count a connection's subscriptions; absent for HTTP requests (an event
 * stream is a connection of its own).
 *
 * @param id the connection's WebSocket session id
 */
record SubscriberConnection(String id) {

    /** Puts the {@link SubscriberConnection} of each WebSocket operation into its GraphQL context. */
    @Component
    static class Interceptor implements WebGraphQlInterceptor {

        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            if (request instanceof WebSocketGraphQlRequest socket) {
                SubscriberConnection connection = new SubscriberConnection(socket.getSessionInfo().getId());
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(SubscriberConnection.class, connection)).build());
            }
            return chain.next(request);
        }
    }
}
