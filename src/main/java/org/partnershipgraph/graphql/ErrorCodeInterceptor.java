package org.partnershipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request-level errors (syntax, validation, variable coercion), which graphql-java
 * raises before any data fetcher runs, the same {@code extensions.code} as every other error;
 * and answers a subscription sent other than over the WebSocket with a BAD_REQUEST error saying
 * where subscriptions run, instead of a stream it cannot send.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getData() instanceof Publisher<?> && !(request instanceof WebSocketGraphQlRequest)) {
                return response.transform(builder -> builder.data(null).errors(List.of(GraphqlErrorBuilder.newError()
                        .message("Subscriptions run over a WebSocket (graphql-transport-ws at the same path), not over "
                                + "HTTP POST: open one and subscribe there.")
                        .errorType(ErrorType.BAD_REQUEST)
                        .extensions(Map.of("code", ErrorCode.BAD_REQUEST.name()))
                        .build())));
            }
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty() || errors.stream().allMatch(ErrorCodeInterceptor::hasCode)) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(ErrorCodeInterceptor::withCode).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", codeFor(error.getErrorType()).name());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static ErrorCode codeFor(ErrorClassification type) {
        if (type == ErrorType.UNAUTHORIZED) {
            return ErrorCode.UNAUTHENTICATED;
        }
        if (type == ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN;
        }
        if (type == ErrorType.NOT_FOUND) {
            return ErrorCode.NOT_FOUND;
        }
        if (type == ErrorType.INTERNAL_ERROR || type == graphql.ErrorType.DataFetchingException) {
            return ErrorCode.INTERNAL;
        }
        return ErrorCode.BAD_REQUEST;
    }
}
