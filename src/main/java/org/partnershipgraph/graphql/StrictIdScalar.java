package org.partnershipgraph.graphql;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code ID} scalar, taking in variables only what the GraphQL specification allows: a string,
 * or an integer (as its decimal text). graphql-java's own {@code ID} takes any value as its
 * {@code toString()}, so an object, a list, {@code 1.5} or {@code true} became an id no node has,
 * answered with null instead of an error. Literals and output are graphql-java's, already strict.
 */
final class StrictIdScalar {

    @SuppressWarnings("unchecked")
    private static final Coercing<Object, Object> BUILT_IN = (Coercing<Object, Object>) Scalars.GraphQLID.getCoercing();

    private StrictIdScalar() {
    }

    /** The scalar type. */
    static final GraphQLScalarType ID = GraphQLScalarType.newScalar(Scalars.GraphQLID)
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return BUILT_IN.serialize(value, context, locale);
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String || input instanceof Integer || input instanceof Long
                            || input instanceof BigInteger) {
                        return input.toString();
                    }
                    throw new CoercingParseValueException("An ID must be a string or an integer, was " + describe(input));
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    return BUILT_IN.parseLiteral(input, variables, context, locale);
                }

                @Override
                public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                    return BUILT_IN.valueToLiteral(input, context, locale);
                }
            })
            .build();

    private static String describe(Object input) {
        return input instanceof Map<?, ?> ? "an object"
                : input instanceof Collection<?> ? "a list"
                : input instanceof Boolean ? "a boolean"
                : input instanceof Number ? "the number " + input
                : "a " + input.getClass().getSimpleName();
    }
}
