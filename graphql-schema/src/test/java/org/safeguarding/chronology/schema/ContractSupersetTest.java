package org.safeguarding.chronology.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema each service serves must contain every operation of the public contract, with every
 * type it reaches: the same names, argument names and types, fields and enum values. Mutations are
 * served by chronology-service (common + commands), queries by query-service (common + queries).
 * The contract is read from ../shared/contract when present, else from the copy in test resources.
 */
class ContractSupersetTest {

    /**
     * The contract files whose issues are done (or under way), the roots each is checked for, and the root fields
     * not served yet. A file whose queries are not served yet is checked for its Mutation only.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "core.graphqls              | Mutation Query |",
            "case-state.graphqls        | Mutation Query |",
            "access-and-review.graphqls | Mutation Query |",
            "practice-patterns.graphqls | Mutation Query |",
            "chronology-files.graphqls  | Mutation Query |",
    })
    void servedSchemasAreASupersetOfTheContract(String contractFile, String roots, String notServedYet) {
        Set<String> checkedRoots = Set.of(roots.split(" +"));
        Set<String> leftOut = notServedYet == null ? Set.of() : Set.of(notServedYet.split(" +"));
        TypeDefinitionRegistry contract = new TypeDefinitionRegistry();
        contract.merge(new SchemaParser().parse(contractText("core.graphqls")));
        if (!contractFile.equals("core.graphqls")) {
            contract.merge(new SchemaParser().parse(contractText(contractFile)));
        }
        Map<String, TypeDefinitionRegistry> served = Map.of(
                "Mutation", served("common", "commands"),
                "Query", served("common", "queries"));

        List<String> missing = new ArrayList<>();
        served.forEach((root, schema) -> {
            UnExecutableSchemaGenerator.makeUnExecutableSchema(schema); // the served SDL itself is valid
            if (!checkedRoots.contains(root)) {
                return;
            }
            for (String typeName : reachableFrom(contract, root, leftOut)) {
                compare(typeName, contract, schema, root, typeName.equals(root) ? leftOut : Set.of(), missing);
            }
        });
        assertThat(missing).as("contract " + contractFile + " elements missing from the served schemas").isEmpty();
    }

    private static void compare(String typeName, TypeDefinitionRegistry contract, TypeDefinitionRegistry schema,
                                String root, Set<String> leftOut, List<String> missing) {
        String where = root.equals("Mutation") ? "chronology-service" : "query-service";
        TypeDefinition<?> expected = contract.getType(typeName).orElseThrow();
        TypeDefinition<?> actual = schema.getType(typeName).orElse(null);
        if (actual == null) {
            missing.add(where + ": type " + typeName);
            return;
        }
        if (expected instanceof ObjectTypeDefinition) {
            Map<String, FieldDefinition> fields = fieldsOf(schema, typeName);
            for (FieldDefinition field : fieldsOf(contract, typeName).values()) {
                if (leftOut.contains(field.getName())) {
                    continue;
                }
                FieldDefinition servedField = fields.get(field.getName());
                if (servedField == null || !sameType(field.getType(), servedField.getType())) {
                    missing.add(where + ": " + typeName + "." + field.getName() + ": " + AstPrinter.printAst(field.getType()));
                    continue;
                }
                compareArguments(where + ": " + typeName + "." + field.getName(), field.getInputValueDefinitions(),
                        servedField.getInputValueDefinitions(), missing);
            }
        } else if (expected instanceof InputObjectTypeDefinition) {
            compareArguments(where + ": input " + typeName, inputFieldsOf(contract, typeName),
                    inputFieldsOf(schema, typeName), missing);
        } else if (expected instanceof EnumTypeDefinition values) {
            Set<String> servedValues = new LinkedHashSet<>();
            ((EnumTypeDefinition) actual).getEnumValueDefinitions().forEach(v -> servedValues.add(v.getName()));
            for (EnumValueDefinition value : values.getEnumValueDefinitions()) {
                if (!servedValues.contains(value.getName())) {
                    missing.add(where + ": enum value " + typeName + "." + value.getName());
                }
            }
        } else if (!expected.getClass().equals(actual.getClass())) {
            missing.add(where + ": " + typeName + " is a " + actual.getClass().getSimpleName());
        }
    }

    private static void compareArguments(String owner, List<InputValueDefinition> expected,
                                         List<InputValueDefinition> actual, List<String> missing) {
        for (InputValueDefinition argument : expected) {
            InputValueDefinition served = actual.stream()
                    .filter(a -> a.getName().equals(argument.getName())).findFirst().orElse(null);
            if (served == null || !sameType(argument.getType(), served.getType())
                    || !printed(argument.getDefaultValue()).equals(printed(served.getDefaultValue()))) {
                missing.add(owner + "(" + argument.getName() + ": " + AstPrinter.printAst(argument.getType())
                        + (argument.getDefaultValue() == null ? "" : " = " + printed(argument.getDefaultValue())) + ")");
            }
        }
        for (InputValueDefinition served : actual) {
            boolean added = expected.stream().noneMatch(a -> a.getName().equals(served.getName()));
            if (added && served.getType() instanceof NonNullType && served.getDefaultValue() == null) {
                missing.add(owner + ": the served schema adds a required " + served.getName());
            }
        }
    }

    /** The types reachable from the root, not through the root's fields left out. */
    private static Set<String> reachableFrom(TypeDefinitionRegistry contract, String root, Set<String> leftOut) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name) || contract.getType(name).isEmpty()) {
                continue;
            }
            TypeDefinition<?> type = contract.getType(name).get();
            if (type instanceof ObjectTypeDefinition) {
                for (FieldDefinition field : fieldsOf(contract, name).values()) {
                    if (name.equals(root) && leftOut.contains(field.getName())) {
                        continue;
                    }
                    todo.push(baseName(field.getType()));
                    field.getInputValueDefinitions().forEach(a -> todo.push(baseName(a.getType())));
                }
            } else if (type instanceof InputObjectTypeDefinition) {
                inputFieldsOf(contract, name).forEach(a -> todo.push(baseName(a.getType())));
            }
        }
        seen.removeIf(name -> contract.getType(name).isEmpty()); // built-in scalars
        return seen;
    }

    /** Fields of an object type with those of its extensions. */
    private static Map<String, FieldDefinition> fieldsOf(TypeDefinitionRegistry registry, String typeName) {
        Map<String, FieldDefinition> fields = new java.util.LinkedHashMap<>();
        registry.getType(typeName, ObjectTypeDefinition.class)
                .ifPresent(t -> t.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f)));
        registry.objectTypeExtensions().getOrDefault(typeName, List.of())
                .forEach(t -> t.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f)));
        return fields;
    }

    /** An input's fields with those of its extensions ("extend input"). */
    private static List<InputValueDefinition> inputFieldsOf(TypeDefinitionRegistry registry, String typeName) {
        List<InputValueDefinition> fields = new ArrayList<>();
        registry.getType(typeName, InputObjectTypeDefinition.class)
                .ifPresent(t -> fields.addAll(t.getInputValueDefinitions()));
        registry.inputObjectTypeExtensions().getOrDefault(typeName, List.of())
                .forEach(t -> fields.addAll(t.getInputValueDefinitions()));
        return fields;
    }

    private static boolean sameType(Type<?> a, Type<?> b) {
        return AstPrinter.printAst(a).equals(AstPrinter.printAst(b));
    }

    private static String printed(graphql.language.Value<?> value) {
        return value == null ? "" : AstPrinter.printAst(value);
    }

    private static String baseName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return baseName(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return baseName(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static TypeDefinitionRegistry served(String... folders) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (String folder : folders) {
                Resource[] files = new PathMatchingResourcePatternResolver()
                        .getResources("classpath:graphql/" + folder + "/*.graphqls");
                assertThat(files).as("SDL files in graphql/" + folder).isNotEmpty();
                for (Resource file : files) {
                    registry.merge(new SchemaParser().parse(file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registry;
    }

    static String contractText(String file) {
        try {
            Path shared = Stream.of(Path.of("../shared/contract"), Path.of("../../shared/contract"))
                    .filter(Files::isDirectory).findFirst().orElse(null);
            if (shared != null && Files.exists(shared.resolve(file))) {
                return Files.readString(shared.resolve(file));
            }
            return Files.readString(Path.of("src/test/resources/contract").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
