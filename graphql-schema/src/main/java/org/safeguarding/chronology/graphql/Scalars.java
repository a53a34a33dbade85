package org.safeguarding.chronology.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.safeguarding.chronology.api.text.TextRules;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * DateTime: an ISO-8601 instant with any offset, answered in UTC. Date: an ISO-8601 calendar date. ID in place of
 * the built-in one, which turns any value into a string: a string (or an integer, as GraphQL allows) holding no
 * control character. A refusal's message says what the value must be and what it was: the field is named by
 * whoever knows it (see InputChecks).
 */
public final class Scalars {

    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", Instant.class,
            text -> OffsetDateTime.parse(text).toInstant(),
            "an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z");

    public static final GraphQLScalarType DATE = scalar("Date", LocalDate.class, LocalDate::parse,
            "an ISO-8601 calendar date, e.g. 2006-03-01");

    public static final GraphQLScalarType ID = GraphQLScalarType.newScalar(graphql.Scalars.GraphQLID)
            .coercing(new IdCoercing()).build();

    private Scalars() {
    }

    public static RuntimeWiringConfigurer wiring() {
        // the built-in ID is in the wiring from the start: strict mode would refuse to replace it
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE).strictMode(false).scalar(ID).strictMode(true);
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
                    throw new CoercingParseValueException(message(Shown.value(input)));
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                  Locale locale) {
                try {
                    return parse.apply(((StringValue) input).getValue());
                } catch (ClassCastException | DateTimeParseException e) {
                    throw new CoercingParseLiteralException(message(Shown.literal(input)));
                }
            }

            @Override
            public Value<?> valueToLiteral(Object value, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(value, context, locale));
            }

            private String message(String shown) {
                return "must be a " + name + ", " + expected + ", not " + shown;
            }
        }).build();
    }

    private static final class IdCoercing implements Coercing<Object, Object> {

        @SuppressWarnings("unchecked")
        private static final Coercing<Object, Object> BUILT_IN =
                (Coercing<Object, Object>) graphql.Scalars.GraphQLID.getCoercing();

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return BUILT_IN.serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return identifier(text, CoercingParseValueException::new);
            }
            if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
                return input.toString();
            }
            throw new CoercingParseValueException("must be a string, not " + Shown.value(input));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return identifier(text.getValue(), CoercingParseLiteralException::new);
            }
            if (input instanceof IntValue number) {
                return number.getValue().toString();
            }
            throw new CoercingParseLiteralException("must be a string, not " + Shown.literal(input));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(String.valueOf(input));
        }

        private static String identifier(String text, Function<String, RuntimeException> refusal) {
            String fault = TextRules.identifierFault(text);
            if (fault != null) {
                throw refusal.apply(fault);
            }
            return text;
        }
    }
}
