package org.partnershipgraph.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the signed-in {@link CurrentUser} into the GraphQL context, where field checks read it on any thread. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CurrentUserInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        CurrentUser user = CurrentUsers.current();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(CurrentUser.class, user)).build());
        return chain.next(request);
    }
}
