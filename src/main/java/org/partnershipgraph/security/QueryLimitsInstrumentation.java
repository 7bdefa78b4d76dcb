package org.partnershipgraph.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses an operation before it runs when it is deeper, more complex or more aliased than the
 * configured limits, with code {@code QUERY_TOO_COMPLEX}, the limit and the measured value.
 * Complexity counts each field once per item it may be fetched for: a field under
 * {@code actions(first: 50)} counts 50 times (a connection without {@code first} counts 20).
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private static final int DEFAULT_PAGE = 20;

    private final SecurityProperties.Limits limits;

    QueryLimitsInstrumentation(SecurityProperties.Limits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = measure(context);
        List<GraphQLError> errors = new ArrayList<>();
        check(errors, "depth", measure.depth, limits.maxDepth());
        check(errors, "complexity", measure.complexity, limits.maxComplexity());
        check(errors, "aliases", measure.aliases, limits.maxAliases());
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static void check(List<GraphQLError> errors, String what, long measured, long limit) {
        if (measured > limit) {
            errors.add(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("The query's " + what + " is " + measured + ", above the limit of " + limit
                            + ": ask for fewer nested fields, smaller pages or fewer aliases, or split the query.")
                    .extensions(Map.of("code", "QUERY_TOO_COMPLEX", "measure", what, "limit", limit, "measured", measured))
                    .build());
        }
    }

    private static final class Measure {
        int depth;
        long complexity;
        int aliases;
    }

    private static Measure measure(ExecutionContext context) {
        Measure measure = new Measure();
        Map<QueryVisitorFieldEnvironment, long[]> weights = new HashMap<>();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField()) {
                            return;
                        }
                        QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
                        long[] inherited = parent == null ? new long[] {1, 0} : weights.getOrDefault(parent, new long[] {1, 0});
                        long multiplier = inherited[0];
                        int depth = (int) inherited[1] + 1;
                        measure.complexity += multiplier;
                        measure.depth = Math.max(measure.depth, depth);
                        if (env.getField().getAlias() != null) {
                            measure.aliases++;
                        }
                        long childMultiplier = multiplier;
                        if (env.getFieldDefinition().getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
                            Object first = env.getArguments().get("first");
                            childMultiplier = multiplier * Math.max(1, first instanceof Number n ? n.longValue() : DEFAULT_PAGE);
                        }
                        weights.put(env, new long[] {Math.min(childMultiplier, Long.MAX_VALUE / 1000), depth});
                    }
                });
        return measure;
    }
}
