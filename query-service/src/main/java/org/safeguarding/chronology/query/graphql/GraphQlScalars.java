package org.safeguarding.chronology.query.graphql;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code DateTime}: an ISO-8601 instant with an offset in, {@link Instant#toString()} (UTC, full precision) out.
 * {@code Date}: an ISO-8601 calendar date.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlScalars {

    public static final GraphQLScalarType DATE_TIME = scalar("DateTime", "an ISO-8601 instant with an offset",
            Instant.class, text -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant());

    public static final GraphQLScalarType DATE = scalar("Date", "an ISO-8601 calendar date",
            LocalDate.class, LocalDate::parse);

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }

    private static <T> GraphQLScalarType scalar(String name, String description, Class<T> type,
                                                Function<String, T> parse) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {

            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException(name + " cannot serialize " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply((String) input);
                } catch (ClassCastException | DateTimeParseException e) {
                    throw new CoercingParseValueException(name + " must be " + description + ": " + input);
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse.apply(text.getValue());
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseLiteralException(name + " must be " + description + ": " + text.getValue());
                    }
                }
                throw new CoercingParseLiteralException(name + " must be a string: " + input);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(input, context, locale));
            }
        }).build();
    }
}
