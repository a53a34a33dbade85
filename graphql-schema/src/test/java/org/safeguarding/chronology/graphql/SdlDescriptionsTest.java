package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

/** The SDL documents its fields in description strings, and each service's schema answers exactly those. */
class SdlDescriptionsTest {

    private static final Pattern STRINGS = Pattern.compile("(?s)\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    @Test
    void everyServedDescriptionIsTheSdlsOwnString() {
        for (String side : List.of("commands", "queries")) {
            Served served = side.equals("commands") ? Served.commands() : Served.queries();
            Map<String, String> answered = SdlDescriptions.served(introspect(served.run(SdlDescriptions.INTROSPECTION,
                    Map.of())));
            assertThat(SdlDescriptions.mismatches(SdlDescriptions.written(side), answered)).as(side).isEmpty();
        }
    }

    @Test
    void theThreeTimesAreDocumented() {
        Map<String, String> queries = SdlDescriptions.written("queries");
        assertThat(queries)
                .containsEntry("ChronologyEntry.occurredAt", "when it happened")
                .containsEntry("ChronologyEntry.knownAt", "when the recording agency itself came to know it")
                .containsEntry("ChronologyEntry.recordedAt", "when the version shown was recorded");
        assertThat(SdlDescriptions.written("commands"))
                .containsEntry("RecordEntryInput.occurredAt", "when it happened")
                .containsEntry("RecordEntryInput.knownAt", "when the recording agency itself came to know it");
    }

    @Test
    void aCommentAfterAFieldIsFoundDocumentingTheNextOne() {
        TypeDefinitionRegistry types = new SchemaParser().parse("""
                type Query {
                  "when it happened"
                  occurredAt: String
                  knownAt: String # when the agency came to know it
                  summary: String
                }""");
        ExecutionResult result = GraphQL.newGraphQL(UnExecutableSchemaGenerator.makeUnExecutableSchema(types)).build()
                .execute(SdlDescriptions.INTROSPECTION);
        assertThat(SdlDescriptions.mismatches(SdlDescriptions.written(types), SdlDescriptions.served(introspect(result))))
                .containsExactly("Query.summary: served \" when the agency came to know it\" ≠ written (none)");
    }

    /** Comments only at the head of a file, before its first definition: documentation is in strings. */
    @Test
    void noCommentBelowAFilesHeader() throws IOException {
        List<Resource> files = Served.files("classpath*:graphql/**/*.graphqls");
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        List<String> comments = new ArrayList<>();
        for (Resource file : files) {
            comments.addAll(commentsBelowTheHeader(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8)));
        }
        assertThat(comments).isEmpty();
        assertThat(commentsBelowTheHeader("x.graphqls", "# header\n\"a # b\"\ntype X {\n  a: Int # shifted\n}"))
                .containsExactly("x.graphqls:4:   a: Int # shifted");
    }

    private static List<String> commentsBelowTheHeader(String name, String text) {
        StringBuilder code = new StringBuilder();
        Matcher strings = STRINGS.matcher(text);
        while (strings.find()) {
            strings.appendReplacement(code, strings.group().replaceAll("[^\\n]", " "));
        }
        strings.appendTail(code);
        String[] lines = code.toString().split("\n", -1);
        String[] original = text.split("\n", -1);
        List<String> comments = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            header &= line.isEmpty() || line.startsWith("#");
            if (!header && lines[i].contains("#")) {
                comments.add(name + ":" + (i + 1) + ": " + original[i]);
            }
        }
        return comments;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> introspect(ExecutionResult result) {
        assertThat(result.getErrors()).isEmpty();
        return (Map<String, Object>) ((Map<String, Object>) result.getData()).get("__schema");
    }
}
