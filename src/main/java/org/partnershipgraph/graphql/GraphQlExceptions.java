package org.partnershipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.partnershipgraph.action.DependencyCycleException;
import org.partnershipgraph.action.SubscriberLimitException;
import org.partnershipgraph.action.SubscriptionsStoppedException;
import org.partnershipgraph.security.CurrentUser;
import org.partnershipgraph.security.FieldAccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns every exception raised while fetching data into a GraphQL error with a code from
 * API.md and a message for the client. Unexpected errors are logged with an id the client
 * also gets; no stack trace, Cypher or class name reaches the client.
 */
@ControllerAdvice
public class GraphQlExceptions {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptions.class);

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.BAD_REQUEST, ex.getMessage());
    }

    @GraphQlExceptionHandler
    GraphQLError fieldAccessDenied(FieldAccessDeniedException ex, DataFetchingEnvironment env) {
        return ex.authenticated()
                ? error(env, ErrorType.FORBIDDEN, ErrorCode.FORBIDDEN, ex.getMessage())
                : error(env, ErrorType.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, ex.getMessage());
    }

    @GraphQlExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    GraphQLError accessDenied(Exception ex, DataFetchingEnvironment env) {
        CurrentUser user = env.getGraphQlContext().getOrDefault(CurrentUser.class, CurrentUser.ANONYMOUS);
        return user.authenticated()
                ? error(env, ErrorType.FORBIDDEN, ErrorCode.FORBIDDEN, "Your role (" + user.role() + ") may not do this.")
                : error(env, ErrorType.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, "Sign in to do this.");
    }

    @GraphQlExceptionHandler
    GraphQLError validation(ValidationException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.VALIDATION, ex.getMessage(), Map.of("field", ex.field()));
    }

    @GraphQlExceptionHandler
    GraphQLError versionConflict(VersionConflictException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.VERSION_CONFLICT, ex.getMessage(),
                Map.of("currentVersion", ex.currentVersion()));
    }

    @GraphQlExceptionHandler
    GraphQLError optimisticLock(OptimisticLockingFailureException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.VERSION_CONFLICT,
                "Someone else changed this at the same moment; read it again and retry with the new version.");
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.NOT_FOUND, ErrorCode.NOT_FOUND, ex.getMessage());
    }

    @GraphQlExceptionHandler
    GraphQLError dependencyCycle(DependencyCycleException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.DEPENDENCY_CYCLE, ex.getMessage(), Map.of("cycle", ex.cycle()));
    }

    @GraphQlExceptionHandler({SubscriberLimitException.class, SubscriptionsStoppedException.class})
    GraphQLError subscriptionsUnavailable(RuntimeException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.UNAVAILABLE, ex.getMessage());
    }

    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class,
            TransientDataAccessResourceException.class})
    GraphQLError unavailable(Exception ex, DataFetchingEnvironment env) {
        log.warn("Neo4j unavailable while fetching {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
        return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.UNAVAILABLE,
                "The graph database is unavailable just now; nothing was changed. Try again shortly.");
    }

    /**
     * Anything else: INTERNAL with an id to quote, or UNAVAILABLE when Neo4j went away underneath
     * or stopped the transaction (past its timeout, or terminated).
     * A mutation whose connection is lost while committing (Spring wraps it in a
     * {@link TransactionSystemException}; a lost connection at commit is never retried) has an unknown outcome, and the
     * message says so; one that could not start, or that Neo4j refused for a passing reason (a
     * {@link TransientException}, retried first by {@link TransientRetry}), changed nothing.
     */
    @GraphQlExceptionHandler
    GraphQLError unexpected(Exception ex, DataFetchingEnvironment env) {
        if (StoppedTransactions.stopped(ex)) {
            log.warn("Neo4j stopped the transaction of {} before it finished: {}", env.getExecutionStepInfo().getPath(),
                    ex.getMessage());
            boolean replyOfAChange = env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                    && env.getExecutionStepInfo().getPath().getLevel() > 1;
            return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.UNAVAILABLE, replyOfAChange
                    ? "The change was made, but the graph database stopped reading this part of its reply before it "
                            + "finished (it ran longer than the time limit on one request); read it with a query."
                    : "The graph database stopped this request before it finished, so nothing was changed: it ran longer "
                            + "than the time limit on one request, or the database was shutting down. A request that reads "
                            + "a great deal (a roll-up of a large scope, a deep walk, a large page) should ask for less; one "
                            + "that waited on another change to the same action can be tried again.");
        }
        boolean committing = false;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            committing |= cause instanceof TransactionSystemException failed && failedCommit(failed)
                    && env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
            if (cause instanceof TransientException) {
                return unavailable(ex, env);
            }
            if ((cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) && committing) {
                log.warn("Neo4j unavailable while committing {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
                return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.UNAVAILABLE, "The graph database became unavailable "
                        + "while the change was being committed, so it may or may not have been made: read it again before retrying.");
            }
            if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
                return unavailable(ex, env);
            }
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} while fetching {}", errorId, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.INTERNAL, internalMessage(errorId), Map.of("errorId", errorId));
    }

    /**
     * Whether {@code ex} failed a transaction's commit, whose outcome is then unknown, rather than
     * its start ({@code doBegin}: no session could be opened, so nothing ran), which Spring Data
     * Neo4j wraps alike. Without a stack trace to tell, it is taken as a commit's.
     */
    private static boolean failedCommit(TransactionSystemException ex) {
        StackTraceElement[] trace = ex.getStackTrace();
        return trace.length == 0 || !("doBegin".equals(trace[0].getMethodName())
                && trace[0].getClassName().endsWith("Neo4jTransactionManager"));
    }

    /** What a client is told of an unexpected error: only the id under which it is logged. */
    static String internalMessage(String errorId) {
        return "Internal error; quote id " + errorId + " when reporting it.";
    }

    static GraphQLError error(DataFetchingEnvironment env, ErrorType type, ErrorCode code, String message) {
        return error(env, type, code, message, Map.of());
    }

    /** An error with {@code code} and the further {@code details} in its extensions. */
    static GraphQLError error(DataFetchingEnvironment env, ErrorType type, ErrorCode code, String message,
            Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(details);
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }
}
