package org.safeguarding.chronology.graphql;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.CoercedVariables;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safeguarding.chronology.api.text.TextRules;
import org.springframework.graphql.execution.ErrorType;

/**
 * Every input value of a request held against its type before anything runs: the values written in the document
 * (once per document) and the JSON variables (per request). A refusal is a BAD_REQUEST naming the field by its path
 * from the argument or variable, e.g. "input.personIds[2] must be a string, not an object". Besides what GraphQL
 * demands, every String is text and every ID an identifier by {@link TextRules}.
 */
final class InputChecks {

    /** A request refused for more faults than this names only the first ones. */
    static final int MAX_FAULTS = 20;

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final GraphQLSchema schema;

    InputChecks(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The faults of the values written in the document: arguments, directive arguments, variable defaults. */
    List<GraphQLError> inDocument(Document document) {
        Faults faults = new Faults();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    GraphQLType type = type(variable.getType());
                    if (variable.getDefaultValue() != null && type instanceof GraphQLInputType input) {
                        literal(input, variable.getDefaultValue(), variable.getName(), faults.at(variable));
                    }
                }
                directives(operation.getDirectives(), faults);
                GraphQLCompositeType root = switch (operation.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
                selections(operation.getSelectionSet(), root, root == schema.getQueryType(), faults);
            } else if (definition instanceof FragmentDefinition fragment) {
                directives(fragment.getDirectives(), faults);
                selections(fragment.getSelectionSet(), composite(fragment.getTypeCondition().getName()),
                        fragment.getTypeCondition().getName().equals(schema.getQueryType().getName()), faults);
            }
        }
        return faults.errors;
    }

    /** The faults of the request's variables for the operation the request runs (none when it names none). */
    List<GraphQLError> ofVariables(Document document, String operationName, Map<String, Object> variables) {
        Faults faults = new Faults();
        OperationDefinition operation = operation(document, operationName);
        if (operation == null) {
            return faults.errors;
        }
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (type(variable.getType()) instanceof GraphQLInputType type) {
                boolean given = variables.containsKey(variable.getName());
                if (given || variable.getDefaultValue() == null) {
                    value(type, variables.get(variable.getName()), given, variable.getName(), faults.at(variable));
                }
            }
        }
        return faults.errors;
    }

    private static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
    }

    private void selections(SelectionSet selections, GraphQLCompositeType parent, boolean root, Faults faults) {
        if (selections == null || parent == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                directives(field.getDirectives(), faults);
                GraphQLFieldDefinition definition = field(parent, field.getName(), root);
                if (definition == null) {
                    continue;
                }
                for (Argument argument : field.getArguments()) {
                    GraphQLArgument declared = definition.getArgument(argument.getName());
                    if (declared != null) {
                        literal(declared.getType(), argument.getValue(), argument.getName(), faults.at(argument));
                    }
                }
                if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType type) {
                    selections(field.getSelectionSet(), type, false, faults);
                }
            } else if (selection instanceof InlineFragment fragment) {
                directives(fragment.getDirectives(), faults);
                GraphQLCompositeType type = fragment.getTypeCondition() == null ? parent
                        : composite(fragment.getTypeCondition().getName());
                selections(fragment.getSelectionSet(), type, root && type == parent, faults);
            } else if (selection instanceof FragmentSpread spread) {
                directives(spread.getDirectives(), faults);
            }
        }
    }

    private void directives(List<Directive> directives, Faults faults) {
        for (Directive directive : directives) {
            GraphQLDirective declared = schema.getDirective(directive.getName());
            if (declared == null) {
                continue;
            }
            for (Argument argument : directive.getArguments()) {
                GraphQLArgument declaredArgument = declared.getArgument(argument.getName());
                if (declaredArgument != null) {
                    literal(declaredArgument.getType(), argument.getValue(), "@" + directive.getName() + "("
                            + argument.getName() + ":)", faults.at(argument));
                }
            }
        }
    }

    private GraphQLFieldDefinition field(GraphQLCompositeType parent, String name, boolean root) {
        if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
            return Introspection.TypeNameMetaFieldDef;
        }
        if (root && name.equals(Introspection.SchemaMetaFieldDef.getName())) {
            return Introspection.SchemaMetaFieldDef;
        }
        if (root && name.equals(Introspection.TypeMetaFieldDef.getName())) {
            return Introspection.TypeMetaFieldDef;
        }
        return parent instanceof GraphQLFieldsContainer fields ? fields.getFieldDefinition(name) : null;
    }

    private GraphQLCompositeType composite(String name) {
        return schema.getType(name) instanceof GraphQLCompositeType type ? type : null;
    }

    private GraphQLType type(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            GraphQLType inner = type(nonNull.getType());
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof ListType list) {
            GraphQLType inner = type(list.getType());
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((TypeName) type).getName());
    }

    /** A value written in the document; variables in it are checked with the request's variables. */
    private void literal(GraphQLInputType type, Value<?> value, String path, Faults.At faults) {
        if (value instanceof VariableReference) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null || value instanceof NullValue) {
                faults.add(path, value == null ? "is missing" : "must not be null");
                return;
            }
            type = (GraphQLInputType) nonNull.getWrappedType();
        }
        if (value == null || value instanceof NullValue) {
            return;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof ArrayValue items) {
                for (int i = 0; i < items.getValues().size(); i++) {
                    literal(item, items.getValues().get(i), path + "[" + i + "]", faults);
                }
            } else {
                literal(item, value, path, faults);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof ObjectValue fields)) {
                faults.add(path, "must be an object (" + object.getName() + "), not " + Shown.literal(value));
                return;
            }
            Map<String, Value<?>> given = new HashMap<>();
            for (ObjectField field : fields.getObjectFields()) {
                if (object.getField(field.getName()) == null) {
                    faults.add(path + "." + field.getName(), "is not a field of " + object.getName());
                }
                given.put(field.getName(), field.getValue());
            }
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (given.containsKey(field.getName()) || !field.hasSetDefaultValue()) {
                    literal(field.getType(), given.get(field.getName()), path + "." + field.getName(), faults);
                }
            }
        } else if (type instanceof GraphQLEnumType enumeration) {
            if (!(value instanceof EnumValue name && enumeration.getValue(name.getName()) != null)) {
                faults.add(path, oneOf(enumeration) + ", not " + Shown.literal(value)
                        + (value instanceof StringValue ? " (write the name without quotes)" : ""));
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            faults.add(path, literalFault(scalar, value));
        }
    }

    private String literalFault(GraphQLScalarType scalar, Value<?> value) {
        return switch (scalar.getName()) {
            case "String" -> value instanceof StringValue text ? TextRules.textFault(text.getValue())
                    : "must be a string, not " + Shown.literal(value);
            case "Boolean" -> value instanceof BooleanValue ? null : "must be true or false, not " + Shown.literal(value);
            case "Int" -> value instanceof IntValue number ? intFault(number.getValue(), Shown.literal(value))
                    : "must be an integer, not " + Shown.literal(value);
            case "Float" -> value instanceof IntValue || value instanceof FloatValue ? null
                    : "must be a number, not " + Shown.literal(value);
            default -> {
                try {
                    scalar.getCoercing().parseLiteral(value, CoercedVariables.emptyVariables(), CONTEXT, Locale.UK);
                    yield null;
                } catch (CoercingParseLiteralException e) {
                    yield e.getMessage();
                }
            }
        };
    }

    /** A value of the request's JSON variables. */
    private void value(GraphQLInputType type, Object value, boolean given, String path, Faults.At faults) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                faults.add(path, given ? "must not be null" : "is missing");
                return;
            }
            type = (GraphQLInputType) nonNull.getWrappedType();
        }
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size() && !faults.full(); i++) {
                    value(item, items.get(i), true, path + "[" + i + "]", faults);
                }
            } else {
                value(item, value, true, path, faults);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                faults.add(path, "must be an object (" + object.getName() + "), not " + Shown.value(value));
                return;
            }
            for (Object name : fields.keySet()) {
                if (object.getField(name.toString()) == null) {
                    faults.add(path + member(name.toString()), "is not a field of " + object.getName());
                }
            }
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                boolean present = fields.containsKey(field.getName());
                if (present || !field.hasSetDefaultValue()) {
                    value(field.getType(), fields.get(field.getName()), present, path + "." + field.getName(), faults);
                }
            }
        } else if (type instanceof GraphQLEnumType enumeration) {
            if (!(value instanceof String name && enumeration.getValue(name) != null)) {
                faults.add(path, oneOf(enumeration) + ", not " + Shown.value(value));
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            faults.add(path, valueFault(scalar, value));
        }
    }

    private String valueFault(GraphQLScalarType scalar, Object value) {
        return switch (scalar.getName()) {
            case "String" -> value instanceof String text ? TextRules.textFault(text)
                    : "must be a string, not " + Shown.value(value);
            case "Boolean" -> value instanceof Boolean ? null : "must be true or false, not " + Shown.value(value);
            case "Int" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    ? intFault(new BigInteger(value.toString()), Shown.value(value))
                    : value instanceof Number number ? wholeFault(number)
                    : "must be an integer, not " + Shown.value(value);
            case "Float" -> value instanceof Number ? null : "must be a number, not " + Shown.value(value);
            default -> {
                try {
                    scalar.getCoercing().parseValue(value, CONTEXT, Locale.UK);
                    yield null;
                } catch (CoercingParseValueException e) {
                    yield e.getMessage();
                }
            }
        };
    }

    /** A key of the request's JSON as a step of a path: ".name", or ["$gt"] when it is no GraphQL name. */
    private static String member(String key) {
        return NAME.matcher(key).matches() ? "." + key : "[" + TextRules.quoted(key) + "]";
    }

    private static String wholeFault(Number number) {
        BigDecimal decimal = new BigDecimal(number.toString());
        try {
            return intFault(decimal.toBigIntegerExact(), Shown.value(number));
        } catch (ArithmeticException fraction) {
            return "must be an integer, not " + Shown.value(number);
        }
    }

    private static String intFault(BigInteger number, String shown) {
        return number.compareTo(INT_MIN) < 0 || number.compareTo(INT_MAX) > 0
                ? "must be an integer from -2147483648 to 2147483647, not " + shown : null;
    }

    private static String oneOf(GraphQLEnumType enumeration) {
        return "must be one of " + enumeration.getValues().stream().map(GraphQLEnumValueDefinition::getName)
                .collect(Collectors.joining(", "));
    }

    /** The refusals found so far, each a BAD_REQUEST at the place in the document it concerns. */
    private static final class Faults {

        private final List<GraphQLError> errors = new ArrayList<>();

        At at(graphql.language.Node<?> node) {
            return new At(node.getSourceLocation());
        }

        final class At {
            private final SourceLocation location;

            At(SourceLocation location) {
                this.location = location;
            }

            void add(String path, String fault) {
                if (fault != null && !full()) {
                    errors.add(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                            .message(path + " " + fault).location(location).build());
                }
            }

            boolean full() {
                return errors.size() >= MAX_FAULTS;
            }
        }
    }
}
