package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationErrorInterceptorTest {

    @Test
    void graphqlJavasMessagesAreSaidInPlainWords() {
        assertThat(ValidationErrorInterceptor.plain("Validation error (FieldUndefined@[chronology/foo]) : Field 'foo' "
                + "in type 'ChronologyConnection' is undefined"))
                .isEqualTo("Field 'foo' in type 'ChronologyConnection' is undefined");
        assertThat(ValidationErrorInterceptor.plain("Validation error (WrongType@[recordEntry]) : argument "
                + "'input.occurredAt' with value 'StringValue{value='yesterday'}' is not a valid 'DateTime'"))
                .isEqualTo("argument 'input.occurredAt' with value '\"yesterday\"' is not a valid 'DateTime'");
        assertThat(ValidationErrorInterceptor.plain("argument 'input' with value 'ObjectValue{objectFields=["
                + "ObjectField{name='id', value=ObjectValue{objectFields=[]}}, ObjectField{name='n', "
                + "value=IntValue{value=1}}]}' is missing required fields '[displayName]'"))
                .isEqualTo("argument 'input' with value 'an object' is missing required fields '[displayName]'");
        assertThat(ValidationErrorInterceptor.plain("Variable 'i' has an invalid value: Expected a String input, but "
                + "it was a 'Integer'")).isEqualTo("Variable 'i' has an invalid value: Expected a String input, but "
                + "it was a a number");
        assertThat(ValidationErrorInterceptor.plain("Expected type 'ID' but was 'java.util.LinkedHashMap'"))
                .isEqualTo("Expected type 'ID' but was an object");
        assertThat(ValidationErrorInterceptor.plain("argument 'kind' with value 'EnumValue{name='PICNIC'}' and "
                + "'ArrayValue{values=[BooleanValue{value=true}]}'"))
                .isEqualTo("argument 'kind' with value 'PICNIC' and 'a list'");
    }
}
