package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @SuppressWarnings("unchecked")
    private final Coercing<Object, String> dateTime = (Coercing<Object, String>) Scalars.DATE_TIME.getCoercing();
    @SuppressWarnings("unchecked")
    private final Coercing<Object, String> date = (Coercing<Object, String>) Scalars.DATE.getCoercing();

    @Test
    void dateTimeTakesAnyOffsetAndAnswersTheInstantInUtcAtFullPrecision() {
        assertThat(dateTime.parseValue("2007-03-01T10:30:00+01:00", CONTEXT, Locale.UK))
                .isEqualTo(Instant.parse("2007-03-01T09:30:00Z"));
        assertThat(dateTime.parseLiteral(new StringValue("2007-03-01T09:30:00.123456789Z"), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.UK)).isEqualTo(Instant.parse("2007-03-01T09:30:00.123456789Z"));
        assertThat(dateTime.serialize(Instant.parse("2007-03-01T09:30:00.000100Z"), CONTEXT, Locale.UK))
                .isEqualTo("2007-03-01T09:30:00.000100Z");
    }

    @Test
    void dateTimeRefusesAnInstantWithoutOffsetOrAnythingElse() {
        assertThatThrownBy(() -> dateTime.parseValue("2007-03-01T09:30:00", CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("DateTime");
        assertThatThrownBy(() -> dateTime.parseValue(42, CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> dateTime.parseLiteral(new IntValue(BigInteger.ONE), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.UK)).isInstanceOf(CoercingParseLiteralException.class);
    }

    @Test
    void dateIsACalendarDate() {
        assertThat(date.parseValue("2006-03-01", CONTEXT, Locale.UK)).isEqualTo(LocalDate.of(2006, 3, 1));
        assertThat(date.serialize(LocalDate.of(2006, 3, 1), CONTEXT, Locale.UK)).isEqualTo("2006-03-01");
        assertThatThrownBy(() -> date.parseValue("01/03/2006", CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class);
    }
}
