package org.safeguarding.chronology.graphql;

import graphql.language.AbstractDescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The documentation of a served schema, by coordinate ("Type", "Type.field", "Type.field(argument)",
 * "Enum.VALUE"), as the SDL writes it in description strings and as a service answers it through introspection.
 * graphql-java makes a {@code #} comment the description of the next definition that has none: a comment written
 * after a field then documents the field below it. Comparing both finds such a shifted comment.
 */
public final class SdlDescriptions {

    /** Every description the SDL's own types can carry. */
    public static final String INTROSPECTION = """
            { __schema { types { name description
                fields(includeDeprecated: true) { name description args(includeDeprecated: true) { name description } }
                inputFields(includeDeprecated: true) { name description }
                enumValues(includeDeprecated: true) { name description } } } }""";

    private SdlDescriptions() {
    }

    /** The description strings of the SDL a service serves: "commands" (chronology-service) or "queries". */
    public static Map<String, String> written(String side) {
        return written(Served.types(side));
    }

    static Map<String, String> written(TypeDefinitionRegistry types) {
        Map<String, String> written = new TreeMap<>();
        types.types().values().forEach(type -> document(written, type, true));
        List<TypeDefinition<?>> extensions = new ArrayList<>();
        types.objectTypeExtensions().values().forEach(extensions::addAll);
        types.inputObjectTypeExtensions().values().forEach(extensions::addAll);
        types.enumTypeExtensions().values().forEach(extensions::addAll);
        extensions.forEach(extension -> document(written, extension, false));
        return written;
    }

    private static void document(Map<String, String> written, TypeDefinition<?> type, boolean withTypeDescription) {
        String name = type.getName();
        if (withTypeDescription) {
            written.put(name, type instanceof AbstractDescribedNode<?> described ? text(described.getDescription()) : null);
        }
        if (type instanceof ObjectTypeDefinition object) {
            for (FieldDefinition field : object.getFieldDefinitions()) {
                written.put(name + "." + field.getName(), text(field.getDescription()));
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    written.put(name + "." + field.getName() + "(" + argument.getName() + ")",
                            text(argument.getDescription()));
                }
            }
        } else if (type instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(field ->
                    written.put(name + "." + field.getName(), text(field.getDescription())));
        } else if (type instanceof EnumTypeDefinition enumType) {
            enumType.getEnumValueDefinitions().forEach(value ->
                    written.put(name + "." + value.getName(), text(value.getDescription())));
        }
    }

    private static String text(Description description) {
        return description == null ? null : description.getContent();
    }

    /** The descriptions in the answer to {@link #INTROSPECTION} (its __schema), of every type but the built-in ones. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> served(Map<String, Object> schema) {
        Map<String, String> served = new TreeMap<>();
        for (Map<String, Object> type : (List<Map<String, Object>>) schema.get("types")) {
            String name = (String) type.get("name");
            if (name.startsWith("__")) {
                continue;
            }
            served.put(name, (String) type.get("description"));
            for (Map<String, Object> field : list(type, "fields")) {
                served.put(name + "." + field.get("name"), (String) field.get("description"));
                for (Map<String, Object> argument : list(field, "args")) {
                    served.put(name + "." + field.get("name") + "(" + argument.get("name") + ")",
                            (String) argument.get("description"));
                }
            }
            for (String members : List.of("inputFields", "enumValues")) {
                list(type, members).forEach(m -> served.put(name + "." + m.get("name"), (String) m.get("description")));
            }
        }
        return served;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /**
     * Each coordinate of the SDL whose served description is not the SDL's string (a comment taken for a
     * description, or one lost), and each served one the SDL does not have, as "coordinate: served ≠ written".
     */
    public static List<String> mismatches(Map<String, String> written, Map<String, String> served) {
        List<String> mismatches = new ArrayList<>();
        TreeSet<String> coordinates = new TreeSet<>(written.keySet());
        served.keySet().stream().filter(c -> written.containsKey(c.split("[.(]")[0])).forEach(coordinates::add);
        for (String coordinate : coordinates) {
            if (!served.containsKey(coordinate) || !written.containsKey(coordinate)
                    || !Objects.equals(written.get(coordinate), served.get(coordinate))) {
                mismatches.add(coordinate + ": served " + shown(served, coordinate) + " ≠ written "
                        + shown(written, coordinate));
            }
        }
        return mismatches;
    }

    private static String shown(Map<String, String> descriptions, String coordinate) {
        if (!descriptions.containsKey(coordinate)) {
            return "(no such coordinate)";
        }
        String description = descriptions.get(coordinate);
        return description == null ? "(none)" : "\"" + description + "\"";
    }
}
