package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

class InputChecksTest {

    private static final String REGISTER_CHILD =
            "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }";
    private static final String RECORD_ENTRY =
            "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId } }";
    private static final String CHRONOLOGY =
            "query($childId: ID!, $first: Int) { chronology(childId: $childId, first: $first) { totalCount } }";

    private final Served commands = Served.commands();
    private final Served queries = Served.queries();

    @Test
    void anIdIsAStringOrAnIntegerNeverAnObjectOrAList() {
        assertThat(commands.refusals(REGISTER_CHILD, input(Map.of("id", Map.of("$gt", ""), "displayName", "Child A"))))
                .containsExactly("input.id must be a string, not an object");
        assertThat(commands.refusals("mutation { registerChild(input: {id: {gt: \"\"}, displayName: \"Child A\"}) "
                + "{ id } }", Map.of())).containsExactly("input.id must be a string, not an object");
        assertThat(queries.refusals(CHRONOLOGY, Map.of("childId", List.of("child-a"))))
                .containsExactly("childId must be a string, not a list");
        assertThat(queries.refusals(CHRONOLOGY, Map.of("childId", true)))
                .containsExactly("childId must be a string, not true");
        assertThat(queries.refusals("{ chronology(childId: 1.5) { totalCount } }", Map.of()))
                .containsExactly("childId must be a string, not the number 1.5");

        assertThat(queries.run(CHRONOLOGY, Map.of("childId", 42)).isDataPresent()).isTrue();
        assertThat(queries.run("{ chronology(childId: 42) { totalCount } }", Map.of()).isDataPresent()).isTrue();
    }

    @Test
    void aListOfIdsHoldsOnlyStringsAndASingleValueMustBeOneToo() {
        Map<String, Object> entry = entry();
        entry.put("personIds", Map.of("$in", List.of()));
        assertThat(commands.refusals(RECORD_ENTRY, input(entry)))
                .containsExactly("input.personIds must be a string, not an object");
        entry.put("personIds", List.of("person-mother", List.of("person-father"), Map.of()));
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).containsExactly(
                "input.personIds[1] must be a string, not a list", "input.personIds[2] must be a string, not an object");
        entry.put("personIds", "person-mother");
        assertThat(commands.run(RECORD_ENTRY, input(entry)).isDataPresent()).isTrue();
    }

    @Test
    void anIdHoldsNoControlCharacterAndTextNoneButTabLineFeedAndCarriageReturn() {
        assertThat(commands.refusals(REGISTER_CHILD, input(Map.of("id", "child\ta", "displayName", "Child A"))))
                .containsExactly("input.id must not contain the control character U+0009 (tab) at character 6");
        assertThat(queries.refusals(CHRONOLOGY, Map.of("childId", "child-a\u0085")))
                .containsExactly("childId must not contain the control character U+0085 at character 8");

        Map<String, Object> entry = entry();
        entry.put("summary", "Seen at home\u0000");
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).singleElement().asString()
                .startsWith("input.summary must not contain the control character U+0000 (NUL) at character 13");
        entry.put("summary", "Bell \u0007");
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).singleElement().asString()
                .startsWith("input.summary must not contain the control character U+0007 at character 6");
        assertThat(commands.refusals("mutation { registerChild(input: {id: \"child-a\", displayName: "
                + "\"Child\\u001bA\"}) { id } }", Map.of())).singleElement().asString()
                .startsWith("input.displayName must not contain the control character U+001B (escape) at character 6");

        entry.put("summary", "Line one\nline two\r\n\tindented; \uD83D\uDC76\uD83C\uDFFD seen");
        assertThat(commands.run(RECORD_ENTRY, input(entry)).isDataPresent()).isTrue();
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverItIs() {
        Map<String, Object> entry = entry();
        entry.put("summary", "Seen \uD83D at home");
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).containsExactly(
                "input.summary must not contain a lone surrogate (U+D83D at character 6), which is no Unicode character");
        entry.put("summary", "Seen at home");
        entry.put("sourceRef", "\uDC76POL-1");
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).singleElement().asString()
                .startsWith("input.sourceRef must not contain a lone surrogate (U+DC76 at character 1)");
        assertThat(queries.refusals("query($id: ID!) { child(id: $id) { id } }", Map.of("id", "child-\uDC76")))
                .singleElement().asString().startsWith("id must not contain a lone surrogate (U+DC76 at character 7)");
        // graphql-java's parser refuses one in the document itself
        assertThat(queries.refusals("{ child(id: \"child-\uDC76\") { id } }", Map.of())).isNotEmpty();
    }

    @Test
    void everyOtherTypeFaultNamesTheFieldAndTheValue() {
        Map<String, Object> entry = entry();
        entry.put("kind", "PICNIC");
        entry.put("occurredAt", "yesterday");
        entry.put("summary", 42);
        entry.put("significance", null);
        entry.remove("knownAt");
        entry.put("$where", "1");
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).containsExactlyInAnyOrder(
                "input[\"$where\"] is not a field of RecordEntryInput",
                "input.kind must be one of REFERRAL, CONTACT, HOME_VISIT, APPOINTMENT_ATTENDED, APPOINTMENT_MISSED, "
                        + "INJURY_PRESENTATION, DOMESTIC_ABUSE_INCIDENT, ASSESSMENT, STRATEGY_DISCUSSION, "
                        + "SECTION_47_ENQUIRY, CHILD_PROTECTION_CONFERENCE, CHILD_PROTECTION_PLAN_STARTED, "
                        + "CHILD_PROTECTION_PLAN_ENDED, MULTI_AGENCY_MEETING, CONCERN_RAISED, ESCALATION, CHILD_SEEN, "
                        + "INVOLVEMENT_STARTED, INVOLVEMENT_ENDED, OTHER, not \"PICNIC\"",
                "input.occurredAt must be a DateTime, an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z, "
                        + "not \"yesterday\"",
                "input.knownAt is missing",
                "input.summary must be a string, not the number 42",
                "input.significance must not be null");

        assertThat(queries.refusals(CHRONOLOGY, Map.of("childId", "child-a", "first", 10_000_000_000L)))
                .containsExactly("first must be an integer from -2147483648 to 2147483647, not the number 10000000000");
        assertThat(queries.refusals(CHRONOLOGY, Map.of("childId", "child-a", "first", 2.5)))
                .containsExactly("first must be an integer, not the number 2.5");
        assertThat(queries.run(CHRONOLOGY, Map.of("childId", "child-a", "first", 20.0)).isDataPresent()).isTrue();
        assertThat(queries.refusals("{ chronology(childId: \"child-a\", first: \"ten\") { totalCount } }", Map.of()))
                .containsExactly("first must be an integer, not \"ten\"");
        assertThat(queries.refusals(CHRONOLOGY, Map.of()))
                .containsExactly("childId is missing");
        assertThat(queries.refusals("query($first: Int = \"ten\") { chronology(childId: \"c\", first: $first) "
                + "{ totalCount } }", Map.of())).containsExactly("first must be an integer, not \"ten\"");
        assertThat(queries.refusals("{ chronology(childId: \"c\") @include(if: \"yes\") { totalCount } }", Map.of()))
                .containsExactly("@include(if:) must be true or false, not \"yes\"");
        assertThat(queries.refusals("{ caseState(childId: \"c\", at: \"2020-01-01T00:00:00Z\", verify: 1) "
                + "{ entryCount } }", Map.of())).containsExactly("verify must be true or false, not the number 1");
        assertThat(commands.refusals("mutation { recordEntry(input: {childId: \"c\", agencyId: \"a\", sourceRef: "
                + "\"s\", kind: CONTACT, occurredAt: \"2020-01-01T00:00:00Z\", knownAt: \"2020-01-01T00:00:00Z\", "
                + "summary: \"s\", significance: \"ROUTINE\"}) { entryId } }", Map.of())).containsExactly(
                "input.significance must be one of ROUTINE, SIGNIFICANT, CRITICAL, not \"ROUTINE\" (write the name "
                        + "without quotes)");
    }

    @Test
    void refusalsAreBadRequestsAndNameNoJavaOrGraphQlJavaType() {
        Map<String, Object> entry = entry();
        entry.put("personIds", Map.of("$in", List.of()));
        entry.put("occurredAt", Map.of());
        entry.put("summary", List.of("a"));
        ExecutionResult result = commands.run(RECORD_ENTRY, input(entry));
        ExecutionResult literal = commands.run("mutation { recordEntry(input: {childId: {a: 1}, agencyId: [1], "
                + "sourceRef: 1, kind: \"CONTACT\", occurredAt: 1, knownAt: true, summary: null, significance: ROUTINE, "
                + "professional: {x: [\"y\"]}}) { entryId } }", Map.of());
        List<GraphQLError> errors = new java.util.ArrayList<>(result.getErrors());
        errors.addAll(literal.getErrors());
        assertThat(errors).hasSizeGreaterThan(8).allSatisfy(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(error.getMessage()).startsWith("input.").doesNotContainPattern(
                    "LinkedHashMap|ArrayList|Value\\{|java\\.|graphql\\.|'Integer'|'String'|'Boolean'");
        });
    }

    @Test
    void aRequestFaultyEverywhereNamesTheFirstFaultsOnly() {
        List<String> ids = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "person\u0000" + i).toList();
        Map<String, Object> entry = entry();
        entry.put("personIds", ids);
        assertThat(commands.refusals(RECORD_ENTRY, input(entry))).hasSize(InputChecks.MAX_FAULTS);
    }

    private static Map<String, Object> input(Map<String, Object> input) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        return variables;
    }

    private static Map<String, Object> entry() {
        Map<String, Object> entry = new HashMap<>();
        entry.put("childId", "child-a");
        entry.put("agencyId", "police");
        entry.put("sourceRef", "POL-1");
        entry.put("kind", "CONTACT");
        entry.put("occurredAt", "2024-05-01T09:30:00Z");
        entry.put("knownAt", "2024-05-02T10:00:00Z");
        entry.put("summary", "Police called to the home");
        entry.put("significance", "SIGNIFICANT");
        return entry;
    }
}
