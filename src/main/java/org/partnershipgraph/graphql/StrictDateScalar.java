package org.partnershipgraph.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code Date} scalar: ISO-8601 calendar dates, parsed strictly, so {@code 2024-02-30} is an
 * error rather than quietly becoming 29 February, and within the years 1900 to 2100, so a mistyped
 * year ({@code 0202}, {@code +20250}) is an error rather than a date centuries away.
 */
public final class StrictDateScalar {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The earliest date taken. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The latest date taken. */
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private StrictDateScalar() {
    }

    /** The scalar type. */
    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO-8601 (2026-03-31)")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return ISO.format(date);
                    }
                    throw new CoercingSerializeException("Not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("A Date must be a string like 2026-03-31, was " + input);
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("A Date must be a string like 2026-03-31");
                }
            })
            .build();

    private static <E extends RuntimeException> LocalDate parse(String text, java.util.function.Function<String, E> error) {
        try {
            return parse(text);
        } catch (IllegalArgumentException ex) {
            throw error.apply(ex.getMessage());
        }
    }

    /**
     * {@code text} as a date, as the API takes one (the seed reads its dates the same way).
     *
     * @throws IllegalArgumentException saying why, when it is not a calendar date in the form
     *                                  YYYY-MM-DD or falls outside {@link #EARLIEST} to {@link #LATEST}
     */
    public static LocalDate parse(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, ISO);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date in the form YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("'" + text + "' is outside the dates this service takes (" + EARLIEST + " to " + LATEST + ")");
        }
        return date;
    }
}
