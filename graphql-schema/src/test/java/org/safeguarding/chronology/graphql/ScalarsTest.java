package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @SuppressWarnings("unchecked")
    private final Coercing<Object, String> dateTime = (Coercing<Object, String>) Scalars.DATE_TIME.getCoercing();
    @SuppressWarnings("unchecked")
    private final Coercing<Object, String> date = (Coercing<Object, String>) Scalars.DATE.getCoercing();
    @SuppressWarnings("unchecked")
    private final Coercing<Object, Object> id = (Coercing<Object, Object>) Scalars.ID.getCoercing();

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
    void refusalsSayWhatTheValueMustBeAndWhatItWas() {
        assertThatThrownBy(() -> dateTime.parseValue("yesterday", CONTEXT, Locale.UK))
                .hasMessage("must be a DateTime, an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z, "
                        + "not \"yesterday\"");
        assertThatThrownBy(() -> date.parseLiteral(new IntValue(BigInteger.TEN), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.UK)).hasMessage("must be a Date, an ISO-8601 calendar date, e.g. 2006-03-01, "
                + "not the number 10");
    }

    @Test
    void anIdIsAStringWithoutControlCharactersOrAnInteger() {
        assertThat(id.parseValue("child-a/E1", CONTEXT, Locale.UK)).isEqualTo("child-a/E1");
        assertThat(id.parseValue(42, CONTEXT, Locale.UK)).isEqualTo("42");
        assertThat(id.parseValue(BigInteger.TWO.pow(70), CONTEXT, Locale.UK)).isEqualTo(BigInteger.TWO.pow(70).toString());
        assertThat(id.parseLiteral(new IntValue(BigInteger.ONE), CoercedVariables.emptyVariables(), CONTEXT, Locale.UK))
                .isEqualTo("1");
        assertThat(id.serialize("child-a", CONTEXT, Locale.UK)).isEqualTo("child-a");

        assertThatThrownBy(() -> id.parseValue(Map.of("$gt", ""), CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class).hasMessage("must be a string, not an object");
        assertThatThrownBy(() -> id.parseValue(List.of(), CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class).hasMessage("must be a string, not a list");
        assertThatThrownBy(() -> id.parseValue(1.5, CONTEXT, Locale.UK))
                .hasMessage("must be a string, not the number 1.5");
        assertThatThrownBy(() -> id.parseValue("child\na", CONTEXT, Locale.UK))
                .hasMessage("must not contain the control character U+000A (line feed) at character 6");
        assertThatThrownBy(() -> id.parseLiteral(ObjectValue.newObjectValue().build(), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.UK)).isInstanceOf(CoercingParseLiteralException.class)
                .hasMessage("must be a string, not an object");
        assertThatThrownBy(() -> id.parseLiteral(new StringValue("a\u0000"), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.UK)).hasMessage("must not contain the control character U+0000 (NUL) at character 2");
    }

    @Test
    void dateIsACalendarDate() {
        assertThat(date.parseValue("2006-03-01", CONTEXT, Locale.UK)).isEqualTo(LocalDate.of(2006, 3, 1));
        assertThat(date.serialize(LocalDate.of(2006, 3, 1), CONTEXT, Locale.UK)).isEqualTo("2006-03-01");
        assertThatThrownBy(() -> date.parseValue("01/03/2006", CONTEXT, Locale.UK))
                .isInstanceOf(CoercingParseValueException.class);
    }
}
