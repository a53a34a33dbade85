package org.safeguarding.chronology.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** DateTime: an ISO-8601 instant with any offset, answered in UTC. Date: an ISO-8601 calendar date. */
public final class Scalars {

    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", Instant.class,
            text -> OffsetDateTime.parse(text).toInstant(),
            "an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z");

    public static final GraphQLScalarType DATE = scalar("Date", LocalDate.class, LocalDate::parse,
            "an ISO-8601 calendar date, e.g. 2006-03-01");

    private Scalars() {
    }

    public static RuntimeWiringConfigurer wiring() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }

    private static <T> GraphQLScalarType scalar(String name, Class<T> type, Function<String, T> parse,
                                                String expected) {
        return GraphQLScalarType.newScalar().name(name).description(expected).coercing(new Coercing<T, String>() {

            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (!type.isInstance(value)) {
                    throw new CoercingSerializeException(name + " cannot serialize " + value);
                }
                return value.toString();
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply((String) input);
                } catch (ClassCastException | DateTimeParseException e) {
                    throw new CoercingParseValueException(message(input));
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                  Locale locale) {
                try {
                    return parse.apply(((StringValue) input).getValue());
                } catch (ClassCastException | DateTimeParseException e) {
                    throw new CoercingParseLiteralException(message(input));
                }
            }

            @Override
            public Value<?> valueToLiteral(Object value, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(value, context, locale));
            }

            private String message(Object input) {
                Object shown = input instanceof StringValue text ? text.getValue() : input;
                return "'" + shown + "' is not a valid " + name + ": expected " + expected;
            }
        }).build();
    }
}
