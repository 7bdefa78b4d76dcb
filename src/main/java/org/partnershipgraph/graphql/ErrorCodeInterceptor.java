package org.partnershipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives request-level errors (syntax, validation, variable coercion), which graphql-java
 * raises before any data fetcher runs, the same {@code extensions.code} and Spring's
 * classification ({@code BAD_REQUEST}), as every other error has;
 * and answers a subscription sent where its events cannot go (HTTP with a JSON response) with a
 * BAD_REQUEST error saying where subscriptions run.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodeInterceptor.class);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getData() instanceof Publisher<?> && !streams(request)) {
                ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                        .message("Subscriptions run over a WebSocket (graphql-transport-ws at the same path), or over "
                                + "HTTP with Accept: text/event-stream; a JSON response cannot carry one.")
                        .errorType(ErrorType.BAD_REQUEST)
                        .extensions(Map.of("code", ErrorCode.BAD_REQUEST.name()))
                        .build()).build();
                return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused));
            }
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty() || errors.stream().allMatch(ErrorCodeInterceptor::hasCode)) {
                return response;
            }
            List<GraphQLError> coded = errors.stream().map(ErrorCodeInterceptor::withCode).toList();
            return response.transform(builder -> builder.errors(coded));
        });
    }

    /**
     * Whether {@code request} came over a transport that can carry a subscription's events: a
     * WebSocket, or HTTP routed to the event stream, which takes only a request whose Accept has
     * {@code text/event-stream} and nothing the JSON route takes first ({@code *}{@code /*} is JSON).
     */
    private static boolean streams(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException ex) {
            return false;
        }
        return !GraphQlHttpEndpoint.answersJson(accepted) && accepted.stream().anyMatch(MediaType.TEXT_EVENT_STREAM::isCompatibleWith);
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
        ErrorCode code = codeFor(error.getErrorType());
        extensions.put("code", code.name());
        String message = error.getMessage();
        if (code == ErrorCode.INTERNAL) {
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected error {} at {}: {}", errorId, error.getPath(), error.getMessage());
            extensions.put("errorId", errorId);
            message = GraphQlExceptions.internalMessage(errorId);
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(classificationOf(code))
                .extensions(extensions)
                .build();
    }

    /**
     * Spring's classification for {@code code}, so that an error graphql-java raises itself (a
     * syntax or validation error, a bad variable) is classified as the service's own errors are,
     * not as {@code ValidationError} or {@code InvalidSyntax}.
     */
    private static ErrorType classificationOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case INTERNAL -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
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
        if (type == ErrorType.INTERNAL_ERROR || type == graphql.ErrorType.DataFetchingException
                || type == graphql.ErrorType.NullValueInNonNullableField) {
            return ErrorCode.INTERNAL;
        }
        return ErrorCode.BAD_REQUEST;
    }
}
