package org.safeguarding.chronology.graphql;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.text.TextRules;

/** A value as an error message names it, in plain words: "an object", "a list", "the number 42", "\"text\"". */
final class Shown {

    private Shown() {
    }

    /** A value of the request's JSON variables. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return TextRules.quoted(text);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "a value of another kind";
    }

    /** A value written in the document. */
    static String literal(Value<?> value) {
        if (value instanceof StringValue text) {
            return TextRules.quoted(text.getValue());
        }
        if (value instanceof BooleanValue bool) {
            return Boolean.toString(bool.isValue());
        }
        if (value instanceof IntValue number) {
            return "the number " + number.getValue();
        }
        if (value instanceof FloatValue number) {
            return "the number " + number.getValue().toPlainString();
        }
        if (value instanceof EnumValue name) {
            return "the name " + name.getName();
        }
        if (value instanceof ObjectValue) {
            return "an object";
        }
        if (value instanceof ArrayValue) {
            return "a list";
        }
        if (value instanceof NullValue) {
            return "null";
        }
        if (value instanceof VariableReference variable) {
            return "the variable $" + variable.getName();
        }
        return "a value of another kind";
    }
}
