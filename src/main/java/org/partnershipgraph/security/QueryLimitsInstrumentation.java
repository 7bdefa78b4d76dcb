package org.partnershipgraph.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses an operation before it runs when it is deeper, more complex or more aliased than the
 * configured limits, with code {@code QUERY_TOO_COMPLEX}, the limit and the measured value.
 * Complexity counts each field once per item it may be fetched for: a field under
 * {@code actions(first: 50)} counts 50 times (a connection without {@code first} counts 20).
 * A list without {@code first} (a strategy's actions, an action's deliverables) cannot be sized
 * before it runs, so graphql-java also counts the result's fields and list items as it runs
 * ({@link ResultNodesInfo}): past the limit it fetches nothing more, and the operation answers
 * {@code QUERY_TOO_COMPLEX} (measure {@code resultNodes}) with no data rather than a partial tree.
 *
 * <p>A measure depends only on the document, the operation and the variables given to
 * {@code first} or to a directive ({@code @include}, {@code @skip}); it is kept by query text and
 * those values, so a portal's repeated queries are measured once, not on every request.
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private static final int DEFAULT_PAGE = 20;

    /** GraphQL context key of the operation's kind (query, mutation, subscription). */
    private static final String OPERATION = QueryLimitsInstrumentation.class.getName() + ".operation";

    /** Distinct query texts whose measures are kept, as many as the document cache keeps parsed. */
    private static final int DOCUMENTS = 1000;
    /** Measures kept per query text: one per operation and value of its limit variables. */
    private static final int MEASURES_PER_DOCUMENT = 100;

    private final SecurityProperties.Limits limits;
    /** By query text, like the document cache, and bounded the same way: when full it starts again empty. */
    private final Map<String, DocumentMeasures> documents = new ConcurrentHashMap<>();

    QueryLimitsInstrumentation(SecurityProperties.Limits limits) {
        this.limits = limits;
    }

    /** The variables a document's measure depends on, and its measures so far. */
    private record DocumentMeasures(Set<String> limitVariables, Map<MeasureKey, Measure> measures) {
    }

    /** A measured operation: its name and the limit variables it was given (an absent one has no entry; a null one has). */
    private record MeasureKey(String operationName, Map<String, Object> variables) {
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        input.getGraphQLContext().put(ResultNodesInfo.MAX_RESULT_NODES, limits.maxResultNodes());
        return input;
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        context.getGraphQLContext().put(OPERATION, context.getOperationDefinition().getOperation());
        return context;
    }

    /**
     * A query past the result limit answers with no data, not a partial tree. A mutation's change has
     * been made by then (its reply is what grew), so it keeps what it has, and the error says so: the
     * required fields it left null raise no error of their own, which would read as the service's fault.
     */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        ResultNodesInfo nodes = parameters.getGraphQLContext().get(ResultNodesInfo.RESULT_NODES_INFO);
        if (nodes == null || !nodes.isMaxResultNodesExceeded()) {
            return CompletableFuture.completedFuture(result);
        }
        boolean mutation = parameters.getGraphQLContext().get(OPERATION) == OperationDefinition.Operation.MUTATION;
        List<GraphQLError> errors = new ArrayList<>();
        errors.add(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message((mutation ? "The change was made, but its reply grew past " : "The query's answer grew past ")
                        + limits.maxResultNodes() + " fields and list items, the limit, and was stopped"
                        + (mutation ? " (the fields past it are null): read what you need with a query. " : ". ")
                        + "Nested lists (a strategy's actions, what each of those delivers, and so on) multiply; ask for "
                        + "fewer nested lists, or split the query.")
                .extensions(Map.of("code", "QUERY_TOO_COMPLEX", "measure", "resultNodes", "limit", limits.maxResultNodes(),
                        "measured", nodes.getResultNodesCount()))
                .build());
        if (mutation) {
            result.getErrors().stream()
                    .filter(error -> error.getErrorType() != graphql.ErrorType.NullValueInNonNullableField)
                    .forEach(errors::add);
            return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
        }
        return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().data(null).errors(errors).build());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = cachedMeasure(context);
        List<GraphQLError> errors = new ArrayList<>();
        check(errors, "depth", measure.depth(), limits.maxDepth());
        check(errors, "complexity", measure.complexity(), limits.maxComplexity());
        check(errors, "aliases", measure.aliases(), limits.maxAliases());
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

    private Measure cachedMeasure(ExecutionContext context) {
        String query = context.getExecutionInput().getQuery();
        DocumentMeasures cached = documents.get(query);
        if (cached == null) {
            if (documents.size() >= DOCUMENTS) {
                documents.clear();
            }
            cached = new DocumentMeasures(limitVariables(context.getDocument()), new ConcurrentHashMap<>());
            documents.put(query, cached);
        }
        Map<String, Object> coerced = context.getCoercedVariables().toMap();
        Map<String, Object> values = new HashMap<>();
        for (String name : cached.limitVariables()) {
            if (coerced.containsKey(name)) {
                values.put(name, coerced.get(name));
            }
        }
        MeasureKey key = new MeasureKey(context.getOperationDefinition().getName(), values);
        Measure measure = cached.measures().get(key);
        if (measure == null) {
            measure = measure(context);
            if (cached.measures().size() >= MEASURES_PER_DOCUMENT) {
                cached.measures().clear();
            }
            cached.measures().put(key, measure);
        }
        return measure;
    }

    /** The variables a measure depends on: those given to a {@code first} argument or to a directive. */
    private static Set<String> limitVariables(Document document) {
        Set<String> names = new HashSet<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument argument, TraverserContext<Node> context) {
                Node<?> parent = context.getParentNode();
                if (parent instanceof Directive || parent instanceof Field && argument.getName().equals("first")) {
                    collectVariables(argument.getValue(), names);
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return Set.copyOf(names);
    }

    private static void collectVariables(Value<?> value, Set<String> names) {
        switch (value) {
            case VariableReference variable -> names.add(variable.getName());
            case ArrayValue array -> array.getValues().forEach(v -> collectVariables(v, names));
            case ObjectValue object -> object.getObjectFields().forEach(f -> collectVariables(f.getValue(), names));
            default -> {
            }
        }
    }

    /** What an operation measures: the deepest field, the weighted field count, the aliases. */
    private record Measure(int depth, long complexity, int aliases) {
    }

    private static final class Tally {
        int depth;
        long complexity;
        int aliases;
    }

    private static Measure measure(ExecutionContext context) {
        Tally tally = new Tally();
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
                        tally.complexity += multiplier;
                        tally.depth = Math.max(tally.depth, depth);
                        if (env.getField().getAlias() != null) {
                            tally.aliases++;
                        }
                        long childMultiplier = multiplier;
                        if (env.getFieldDefinition().getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
                            Object first = env.getArguments().get("first");
                            childMultiplier = multiplier * Math.max(1, first instanceof Number n ? n.longValue() : DEFAULT_PAGE);
                        }
                        weights.put(env, new long[] {Math.min(childMultiplier, Long.MAX_VALUE / 1000), depth});
                    }
                });
        return new Measure(tally.depth, tally.complexity, tally.aliases);
    }
}
