package org.safeguarding.chronology.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A schema as a service serves it (common + commands or queries, the contract's scalars), run by graphql-java. */
final class Served {

    static final QueryLimits LIMITS = new QueryLimits(15, 500);

    final GraphQLSchema schema;
    private final GraphQL graphQl;

    private Served(String side) {
        TypeDefinitionRegistry types = types(side);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        Scalars.wiring().configure(wiring);
        schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        graphQl = GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider(new ParsedDocuments(100, () -> schema, LIMITS))
                .build();
    }

    /** The SDL a service serves: graphql/common and graphql/{side} ("commands" or "queries"). */
    static TypeDefinitionRegistry types(String side) {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        for (Resource file : files("classpath:graphql/common/*.graphqls", "classpath:graphql/" + side + "/*.graphqls")) {
            try {
                types.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    static List<Resource> files(String... patterns) {
        List<Resource> files = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                files.addAll(List.of(new PathMatchingResourcePatternResolver().getResources(pattern)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static Served commands() {
        return new Served("commands");
    }

    static Served queries() {
        return new Served("queries");
    }

    ExecutionResult run(String document, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
    }

    /** The messages of the errors graphql-java answers before running anything (there is no data). */
    List<String> refusals(String document, Map<String, Object> variables) {
        ExecutionResult result = run(document, variables);
        if (result.isDataPresent()) {
            throw new AssertionError("the request ran: " + result.toSpecification());
        }
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
