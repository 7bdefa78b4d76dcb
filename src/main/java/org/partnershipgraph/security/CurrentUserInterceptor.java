package org.partnershipgraph.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.partnershipgraph.graphql.ErrorCode;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in {@link CurrentUser} into the GraphQL context, where field checks read it on any thread.
 *
 * <p>Over a WebSocket the user is the one signed in when the connection opened, so a bearer
 * token's expiry is enforced here: an operation started after it is refused with
 * {@code UNAUTHENTICATED}. A running subscription, over a WebSocket or an HTTP event stream,
 * ends with an {@code UNAUTHENTICATED} error when it passes. HTTP requests are checked by the
 * token filter as they start; sign-ins without an expiry (HTTP Basic, anonymous) are not limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CurrentUserInterceptor implements WebGraphQlInterceptor {

    /** Longest a subscription is timed to its token's expiry; beyond it (a "never expires" date) it is not timed. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(3650);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = CurrentUsers.from(authentication);
        Instant expiry = expiry(authentication);
        if (expiry != null && request instanceof WebSocketGraphQlRequest && !Instant.now().isBefore(expiry)) {
            ExecutionResult refused = ExecutionResult.newExecutionResult().addError(expired(expiry)).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
        }
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(CurrentUser.class, user)).build());
        if (expiry == null) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> response.getData() instanceof Publisher<?> events
                ? response.transform(builder -> builder.data(endingAt(events, expiry)))
                : response);
    }

    private static Instant expiry(Authentication authentication) {
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token ? token.getToken().getExpiresAt() : null;
    }

    private static Flux<?> endingAt(Publisher<?> events, Instant expiry) {
        Duration remaining = Duration.between(Instant.now(), expiry);
        if (remaining.compareTo(LONGEST_WAIT) > 0) {
            return Flux.from(events);
        }
        Mono<Void> expired = Mono.delay(remaining.isNegative() ? Duration.ZERO : remaining)
                .then(Mono.error(() -> new SubscriptionPublisherException(List.of(expired(expiry)), null)));
        return Flux.from(events).takeUntilOther(expired);
    }

    private static GraphQLError expired(Instant expiry) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.UNAUTHORIZED)
                .message("Your sign-in expired at " + expiry + ": open a new connection with a fresh token.")
                .extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
                .build();
    }
}
