package org.partnershipgraph.graphql;

import graphql.execution.SubscriptionExecutionStrategy;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends every subscription's events in the order its source publishes them, rather than in the
 * order their fields finish resolving (GraphQL Java's default): a subscriber to
 * {@code actionChanged} sees the changes in the order they were read from the history.
 */
@Component
class OrderedSubscriptionEvents implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true))
                .build());
        return chain.next(request);
    }
}
