package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    private final Served commands = Served.commands();
    private final Served queries = Served.queries();

    @Test
    void everyQueryOfTheReadmeRunsWellWithinTheLimits() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> documents = new ArrayList<>();
        while (block.find()) {
            documents.add(block.group(1).replaceAll("<instant printed by [^>]*>", "2019-06-01T00:00:00Z"));
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(6);
        for (String document : documents) {
            Served served = document.strip().startsWith("mutation") ? commands : queries;
            assertThat(served.run(document, Map.of()).isDataPresent()).as(document).isTrue();
            QueryLimits.Measure.Of measure = QueryLimits.measure(Parser.parse(document), null);
            assertThat(measure.depth()).as(document).isLessThanOrEqualTo(Served.LIMITS.maxDepth() / 2);
            assertThat(measure.complexity()).as(document).isLessThanOrEqualTo(Served.LIMITS.maxComplexity() / 5);
        }
    }

    @Test
    void graphiqlsSchemaQueryRuns() {
        String graphiql = graphiqlIntrospection();
        assertThat(queries.run(graphiql, Map.of()).isDataPresent()).isTrue();
        assertThat(commands.run(IntrospectionQuery.INTROSPECTION_QUERY, Map.of()).isDataPresent()).isTrue();
        QueryLimits.Measure.Of measure = QueryLimits.measure(Parser.parse(graphiql), null);
        assertThat(measure.depth()).isEqualTo(15);
        assertThat(measure.complexity()).isLessThan(Served.LIMITS.maxComplexity() / 2);
    }

    @Test
    void aThousandAliasesOfChronologyAreRefusedBeforeTheyRun() {
        assertThat(queries.refusals(chronologies(1_000), Map.of())).containsExactly("the query's complexity is 11000; at most 500 "
                + "is allowed (each field counts 1, a top-level field 10)");
        assertThat(queries.run(chronologies(45), Map.of()).isDataPresent()).isTrue();
        assertThat(queries.refusals(chronologies(46), Map.of())).singleElement().asString()
                .startsWith("the query's complexity is 506;");
    }

    @Test
    void aQueryDeeperThanFifteenFieldsIsRefused() {
        assertThat(queries.run(ofTypes(10), Map.of()).isDataPresent()).isTrue();
        assertThat(queries.refusals(ofTypes(11), Map.of()))
                .containsExactly("the query is 16 fields deep; at most 15 are allowed");
    }

    @Test
    void fragmentsCountWhereverTheyAreSpreadAndABombIsRefusedAtOnce() {
        StringBuilder document = new StringBuilder("{ ...F40 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 40; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1)
                    .append(" a").append(i).append(": __typename ...F").append(i - 1).append(" }");
        }
        long started = System.nanoTime();
        assertThat(queries.refusals(document.toString(), Map.of())).singleElement().asString()
                .startsWith("the query's complexity is ").contains("; at most 500 is allowed");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void mutationsHaveTheSameLimit() {
        String registrations = IntStream.range(0, 100)
                .mapToObj(i -> "r" + i + ": registerChild(input: {id: \"c" + i + "\", displayName: \"Child A\"}) { id }")
                .collect(Collectors.joining(" ", "mutation { ", " }"));
        assertThat(commands.refusals(registrations, Map.of())).singleElement().asString()
                .startsWith("the query's complexity is 1100;");
    }

    private static String chronologies(int aliases) {
        return IntStream.range(0, aliases)
                .mapToObj(i -> "c" + i + ": chronology(childId: \"child-a\") { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    /** __schema, types, fields, type and then ofType n times: 4 + n + 1 fields deep. */
    private static String ofTypes(int n) {
        return "{ __schema { types { fields { type { " + "ofType { ".repeat(n) + "name" + " }".repeat(n) + " } } } } }";
    }

    /** The schema query of GraphiQL 5 (graphql-js 16 getIntrospectionQuery, every option, types 9 deep). */
    static String graphiqlIntrospection() {
        String typeRef = "kind name" + " ofType { kind name".repeat(9) + " }".repeat(9);
        return """
                query IntrospectionQuery {
                  __schema {
                    description
                    queryType { name kind } mutationType { name kind } subscriptionType { name kind }
                    types { ...FullType }
                    directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
                  }
                }
                fragment FullType on __Type {
                  kind name description specifiedByURL isOneOf
                  fields(includeDeprecated: true) {
                    name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef }
                    isDeprecated deprecationReason
                  }
                  inputFields(includeDeprecated: true) { ...InputValue }
                  interfaces { ...TypeRef }
                  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
                  possibleTypes { ...TypeRef }
                }
                fragment InputValue on __InputValue {
                  name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
                }
                fragment TypeRef on __Type { %s }
                """.formatted(typeRef);
    }
}
