package org.partnershipgraph.graphql;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.Scalars;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * A blank {@code ID} given to a mutation, at any depth of its input, is VALIDATION naming the input
 * field ({@link TextInputs#requireNoBlankId}), before the mutation runs: no node has a blank id, and
 * "No action has id " did not say what was wrong. A subscription's controller makes the same check
 * itself, so that the refusal is an error of its stream, as its other refusals are (an error thrown
 * here would bypass the stream's exception handlers). It runs after the field access check (a role
 * that may not run the mutation is answered first) and before the mutation's own checks of the
 * caller's boards, as mistyped input is answered before them. Reads keep answering an unknown id,
 * blank or not, with null or an empty list, as they answer any id no node has.
 */
final class BlankIdInstrumentation extends SimplePerformantInstrumentation {

    private final Map<GraphQLFieldDefinition, Boolean> takesIds = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        GraphQLSchema schema = parameters.getExecutionContext().getGraphQLSchema();
        GraphQLType parent = parameters.getExecutionStepInfo().getObjectType();
        if (!(parent instanceof GraphQLObjectType type) || type != schema.getMutationType()) {
            return dataFetcher;
        }
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (!takesIds.computeIfAbsent(field, f -> f.getArguments().stream().anyMatch(a -> holdsId(a.getType())))) {
            return dataFetcher;
        }
        return env -> {
            for (GraphQLArgument argument : field.getArguments()) {
                requireNoBlankId(argument.getName(), argument.getType(), env.getArguments().get(argument.getName()));
            }
            return dataFetcher.get(env);
        };
    }

    private static void requireNoBlankId(String name, GraphQLInputType type, Object value) {
        if (value == null) {
            return;
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list && value instanceof Collection<?> items) {
            items.forEach(item -> requireNoBlankId(name, (GraphQLInputType) list.getWrappedType(), item));
        }
        else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                requireNoBlankId(field.getName(), field.getType(), fields.get(field.getName()));
            }
        }
        else if (isId(unwrapped) && value instanceof String id) {
            TextInputs.requireNoBlankId(name, id, type instanceof GraphQLNonNull);
        }
    }

    private static boolean holdsId(GraphQLType type) {
        return holdsId(type, new HashSet<>());
    }

    private static boolean holdsId(GraphQLType type, Set<String> seen) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (isId(unwrapped)) {
            return true;
        }
        if (unwrapped instanceof GraphQLInputObjectType object && seen.add(object.getName())) {
            return object.getFieldDefinitions().stream().anyMatch(f -> holdsId(f.getType(), seen));
        }
        return false;
    }

    private static boolean isId(GraphQLType type) {
        return type instanceof GraphQLScalarType scalar && Scalars.GraphQLID.getName().equals(scalar.getName());
    }
}
