package org.safeguarding.chronology.platform;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.platform.GraphQlClient.Json;

/**
 * Malformed and hostile requests over HTTP to both services booted from their jars: each is refused as a BAD_REQUEST
 * whose message names what is wrong in plain words, and none stores anything. And text a reviewer may meet (emoji,
 * right-to-left scripts, quotes, markup, line breaks) recorded by chronology-service comes back from query-service
 * exactly as it was sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** What a message must never show: Java's or graphql-java's names for things, or parser internals. */
    private static final Pattern INTERNALS = Pattern.compile("\\b(java|javax|jakarta|graphql|com\\.fasterxml|"
            + "org\\.springframework)\\.\\w|LinkedHashMap|HashMap|ArrayList|\\w+Value\\{|ObjectField|Exception|"
            + "'(Integer|Long|Double|BigDecimal|BigInteger|Boolean|String|Map|List)'|StreamReadFeature|REDACTED");
    private static final String JSON = "application/json";
    private static final String REGISTER_CHILD =
            "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }";
    private static final String REGISTER_AGENCY =
            "mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }";
    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId } }";
    private static final String RECORD_MANY =
            "mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index error { message } } }";
    private static final String CORRECT =
            "mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId } }";
    private static final String RETRACT =
            "mutation($input: RetractEntryInput!) { retractEntry(input: $input) { entryId } }";
    private static final String SHARE =
            "mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId } }";
    private static final String PERSON =
            "mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId } }";
    private static final String CHRONOLOGY = """
            query($childId: ID!, $knownBy: ID, $knownAt: DateTime, $first: Int, $after: String, $personId: ID) {
              chronology(childId: $childId, knownBy: $knownBy, knownAt: $knownAt, first: $first, after: $after,
                         personId: $personId) { totalCount } }""";
    private static final String BABY = "\uD83D\uDC76";
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final String PROFESSIONAL = "Health Visitor \u2460 \u00E9\t(\u05D1)";
    private static final String PERSON_ID = "person-\u00F1-" + BABY;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Platform platform;
    private String entryId;

    @BeforeAll
    void start() throws Exception {
        platform = Platform.onMemoryStore(Path.of("target", "hostile-logs"));
        platform.commands.postOk(REGISTER_AGENCY, object("input", object("id", "hi-police", "name", "Police",
                "sector", "POLICE")));
        platform.commands.postOk(REGISTER_AGENCY, object("input", object("id", "hi-health", "name", "Health Visiting",
                "sector", "HEALTH")));
        platform.commands.postOk(REGISTER_CHILD, object("input", object("id", "hi-child", "displayName", "Child A")));
        entryId = JsonPath.read(platform.commands.postOk(RECORD, new Json.Raw("{\"input\":" + entry(Map.of()) + "}")),
                "$.data.recordEntry.entryId");
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyMalformedOrHostileRequestIsABadRequestNamingWhatIsWrongAndStoresNothing() throws Exception {
        List<Hostile> corpus = new ArrayList<>();
        transport(corpus);
        commands(corpus);
        queries(corpus);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);

        double head = headSequence();
        long commits = storedCommits();
        List<String> failures = new ArrayList<>();
        for (Hostile request : corpus) {
            HttpResponse<String> answer = send(request);
            String failure = request.failure(answer);
            if (failure != null) {
                failures.add(request.name() + ": " + failure + "\n    answer: HTTP " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(600, answer.body().length())));
            }
        }
        assertThat(failures).as("%d of %d requests", failures.size(), corpus.size()).isEmpty();
        assertThat(headSequence()).isEqualTo(head);
        assertThat(storedCommits()).isEqualTo(commits);
        assertThat(platform.queries.postOk("{ a: child(id: \"hi-child-2\") { id } b: agency(id: \"hi-agency-2\") "
                + "{ id } }", Map.of())).isEqualTo("{\"data\":{\"a\":null,\"b\":null}}");
    }

    @Test
    void whatARecordingAgencySendsComesBackFromTheQueryServiceByteForByte() throws Exception {
        List<String> summaries = List.of(
                "Seen with Mother " + BABY + "\uD83C\uDFFD \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 "
                        + "\uD83C\uDDEC\uD83C\uDDE7 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 \u2714\uFE0E",
                "\u0627\u0644\u0637\u0641\u0644 \u0634\u0648\u0647\u062F \u0641\u064A \u0627\u0644\u0645\u0646\u0632\u0644"
                        + " \u2014 \u05D4\u05D9\u05DC\u05D3 \u05E0\u05E8\u05D0\u05D4 \u05D1\u05D1\u05D9\u05EA "
                        + "\u202B\u05E9\u05DC\u05D5\u05DD\u202C and \u2067isolated\u2069",
                "Mother said \"he's fine\" and 'no one came'; a backslash \\ and an escaped quote \\\" stay",
                "<script>alert('x')</script> & &amp; <!-- not a comment --> ${jndi:ldap://x} {{7*7}} '; DROP TABLE --",
                "line one\nline two\r\nline three\rtabbed\tcolumns\t\tend\n",
                "Zoe\u0308 \u00C5stro\u0308m \uD840\uDC00\uD840\uDC01 \uD835\uDD18\uD835\uDD2B\u2028next\u2029para "
                        + "\uFEFF\u00A0\u200B\u0085\u007F end",
                BABY.repeat(10_000));
        String child = "rt-child";
        String displayName = "Child \u00C1 \u2018A\u2019 " + BABY + " <b>bold</b> \u05D0";
        platform.commands.postOk(REGISTER_CHILD, object("input", object("id", child, "displayName", displayName)));
        List<String> entryIds = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            entryIds.add(JsonPath.read(platform.commands.postOk(RECORD, object("input", object("childId", child,
                    "agencyId", "hi-police", "sourceRef", sourceRef(i), "kind", "HOME_VISIT",
                    "occurredAt", "2024-05-0" + (i + 1) + "T09:00:00Z", "knownAt", "2024-05-0" + (i + 1) + "T10:00:00Z",
                    "summary", summaries.get(i), "significance", "SIGNIFICANT", "professional", PROFESSIONAL,
                    "personIds", List.of(PERSON_ID)))), "$.data.recordEntry.entryId"));
        }
        String corrected = summaries.get(3) + " \u2713";
        String reason = "Typo \u201Cfixed\u201D\n\u2014 see HV \u2116 2 " + BABY;
        platform.commands.postOk(CORRECT, object("input", object("entryId", entryIds.get(3), "agencyId", "hi-police",
                "summary", corrected, "reason", reason)));

        String page = awaitRead("""
                query($childId: ID!) { chronology(childId: $childId, first: 50) {
                  edges { node { id sourceRef summary professional personIds version } } } }""",
                object("childId", child), response -> response.contains("\"version\":2"));
        // Jackson reads the answers: json-smart, under JsonPath, drops a DELETE character from a string with escapes
        List<JsonNode> nodes = new ArrayList<>();
        JSON_READER.readTree(page).at("/data/chronology/edges").forEach(edge -> nodes.add(edge.get("node")));
        assertThat(nodes).extracting(node -> node.get("id").asText()).containsExactlyInAnyOrderElementsOf(entryIds);
        for (JsonNode node : nodes) {
            int i = entryIds.indexOf(node.get("id").asText());
            assertSameBytes(node.get("summary").asText(), i == 3 ? corrected : summaries.get(i));
            assertSameBytes(node.get("sourceRef").asText(), sourceRef(i));
            assertSameBytes(node.get("professional").asText(), PROFESSIONAL);
            assertThat(node.get("personIds")).hasSize(1);
            assertSameBytes(node.get("personIds").get(0).asText(), PERSON_ID);
        }
        JsonNode read = JSON_READER.readTree(platform.queries.postOk("query($id: ID!, $child: ID!) { entry(id: $id) "
                + "{ history { summary reason } } child(id: $child) { displayName } }",
                object("id", entryIds.get(3), "child", child))).get("data");
        assertSameBytes(read.at("/entry/history/0/summary").asText(), summaries.get(3));
        assertSameBytes(read.at("/entry/history/1/summary").asText(), corrected);
        assertSameBytes(read.at("/entry/history/1/reason").asText(), reason);
        assertSameBytes(read.at("/child/displayName").asText(), displayName);
    }

    private static String sourceRef(int i) {
        return "R\u00C9F-\u2116" + i + "/\u00DF-" + BABY;
    }

    // ---------------------------------------------------------------- the corpus

    /** Bodies that are no single GraphQL request, and what the refusal must name; each sent to both services. */
    private void transport(List<Hostile> corpus) {
        String ok = "{\"query\":\"{ __typename }\"}";
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", bytes(""));
        bodies.put("blank", bytes(" \r\n\t "));
        bodies.put("JSON null", bytes("null"));
        bodies.put("a string", bytes("\"{ __typename }\""));
        bodies.put("a number", bytes("42"));
        bodies.put("an empty list", bytes("[]"));
        bodies.put("a batch", bytes("[" + ok + "," + ok + "]"));
        bodies.put("trailing garbage", bytes(ok + " x"));
        bodies.put("trailing text", bytes(ok + "garbage"));
        bodies.put("two documents", bytes(ok + ok));
        bodies.put("two documents on two lines", bytes(ok + "\n" + ok));
        bodies.put("truncated", bytes("{\"query\":\"{ __typename }\""));
        bodies.put("unterminated string", bytes("{\"query\":\"{ __typename }}"));
        bodies.put("single quotes", bytes("{'query':'{ __typename }'}"));
        bodies.put("trailing comma", bytes("{\"query\":\"{ __typename }\",}"));
        bodies.put("a comment", bytes("{\"query\":\"{ __typename }\" /* hi */}"));
        bodies.put("bare key", bytes("{query:\"{ __typename }\"}"));
        bodies.put("NaN", bytes("{\"query\":\"{ __typename }\",\"variables\":{\"a\":NaN}}"));
        bodies.put("a bad escape", bytes("{\"query\":\"{ __typename \\x }\"}"));
        bodies.put("a raw control character in a string", bytes("{\"query\":\"{ __typename\u0001 }\"}"));
        bodies.put("query a number", bytes("{\"query\":1}"));
        bodies.put("query null", bytes("{\"query\":null}"));
        bodies.put("query an object", bytes("{\"query\":{\"a\":1}}"));
        bodies.put("query empty", bytes("{\"query\":\"\"}"));
        bodies.put("no query", bytes("{\"operationName\":\"x\"}"));
        bodies.put("variables a list", bytes("{\"query\":\"{ __typename }\",\"variables\":[]}"));
        bodies.put("variables a string", bytes("{\"query\":\"{ __typename }\",\"variables\":\"{}\"}"));
        bodies.put("operationName an object", bytes("{\"query\":\"{ __typename }\",\"operationName\":{}}"));
        bodies.put("extensions a number", bytes("{\"query\":\"{ __typename }\",\"extensions\":1}"));
        bodies.put("query given twice", bytes("{\"query\":\"{ __typename }\",\"query\":\"{ x }\"}"));
        bodies.put("a variable given twice", bytes("{\"query\":\"query($id: ID!) { __typename }\",\"variables\":"
                + "{\"id\":\"a\",\"id\":{\"$gt\":\"\"}}}"));
        bodies.put("nested 200 deep", bytes("{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + "[".repeat(200)
                + "]".repeat(200) + "}}"));
        bodies.put("a byte that is no UTF-8", new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xFF,
            '"', '}'});
        bodies.put("a surrogate encoded in UTF-8", new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"',
            (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        bodies.put("an overlong NUL", new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC0,
            (byte) 0x80, '"', '}'});
        bodies.put("Latin-1", "{\"query\":\"{ child(id: \\\"Zo\u00EB\\\") { id } }\"}".getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> names = Map.ofEntries(
                Map.entry("query a number", "query"), Map.entry("query null", "query"),
                Map.entry("query an object", "query"), Map.entry("query empty", "query"),
                Map.entry("variables a list", "variables"), Map.entry("variables a string", "variables"),
                Map.entry("operationName an object", "operationName"),
                Map.entry("extensions a number", "extensions"),
                Map.entry("query given twice", "\"query\" twice"), Map.entry("a variable given twice", "\"id\" twice"),
                Map.entry("a byte that is no UTF-8", "UTF-8"), Map.entry("a surrogate encoded in UTF-8", "UTF-8"),
                Map.entry("an overlong NUL", "UTF-8"), Map.entry("Latin-1", "UTF-8"),
                Map.entry("no query", "no query"), Map.entry("a batch", "list"), Map.entry("an empty list", "list"),
                Map.entry("nested 200 deep", "nested"));
        for (Service service : Service.values()) {
            bodies.forEach((name, body) -> corpus.add(new Hostile(service + " body " + name, service, JSON, body,
                    400, names.getOrDefault(name, "body"))));
            corpus.add(new Hostile(service + " Content-Type text/plain", service, "text/plain", bytes(ok), 400,
                    "Content-Type"));
            corpus.add(new Hostile(service + " a form", service, "application/x-www-form-urlencoded",
                    bytes("query=%7B+__typename+%7D"), 400, "Content-Type"));
            corpus.add(new Hostile(service + " no Content-Type", service, null, bytes(ok), 400, "Content-Type"));
            corpus.add(new Hostile(service + " charset ISO-8859-1", service, "application/json; charset=ISO-8859-1",
                    bytes(ok), 400, "UTF-8"));
        }
    }

    private void commands(List<Hostile> corpus) {
        Service c = Service.COMMANDS;
        String child = "{\"id\":%s,\"displayName\":%s}";
        corpus.add(command("child id an object", REGISTER_CHILD, child.formatted("{\"$gt\":\"\"}", "\"Child B\""),
                "input.id must be a string, not an object"));
        corpus.add(command("child id a list", REGISTER_CHILD, child.formatted("[\"hi-child-2\"]", "\"Child B\""),
                "input.id must be a string, not a list"));
        corpus.add(command("child id true", REGISTER_CHILD, child.formatted("true", "\"Child B\""), "input.id"));
        corpus.add(command("child id a fraction", REGISTER_CHILD, child.formatted("1.5", "\"Child B\""), "input.id"));
        corpus.add(command("child id null", REGISTER_CHILD, child.formatted("null", "\"Child B\""),
                "input.id must not be null"));
        corpus.add(command("child id NUL", REGISTER_CHILD, child.formatted("\"hi-child-2\\u0000\"", "\"Child B\""),
                "input.id must not contain the control character U+0000"));
        corpus.add(command("child id tab", REGISTER_CHILD, child.formatted("\"hi\\tchild-2\"", "\"Child B\""),
                "input.id must not contain the control character U+0009"));
        corpus.add(command("child id line feed", REGISTER_CHILD, child.formatted("\"hi-child-2\\n\"", "\"Child B\""),
                "input.id"));
        corpus.add(command("child id C1 control", REGISTER_CHILD, child.formatted("\"hi-child-2\\u0085\"",
                "\"Child B\""), "input.id"));
        corpus.add(command("child id delete", REGISTER_CHILD, child.formatted("\"hi-child-2\\u007f\"",
                "\"Child B\""), "input.id"));
        corpus.add(command("child id lone surrogate", REGISTER_CHILD, child.formatted("\"hi-child-2\\ud800\"",
                "\"Child B\""), "input.id must not contain a lone surrogate"));
        corpus.add(command("child id blank", REGISTER_CHILD, child.formatted("\"   \"", "\"Child B\""),
                "id must not be blank"));
        corpus.add(command("child id 201 characters", REGISTER_CHILD, child.formatted(
                Json.string("c".repeat(201)), "\"Child B\""), "id must be at most 200 characters, not 201"));
        corpus.add(command("child name NUL", REGISTER_CHILD, child.formatted("\"hi-child-2\"", "\"Child\\u0000B\""),
                "input.displayName must not contain the control character U+0000"));
        corpus.add(command("child name bell", REGISTER_CHILD, child.formatted("\"hi-child-2\"", "\"Child\\u0007\""),
                "input.displayName"));
        corpus.add(command("child name escape", REGISTER_CHILD, child.formatted("\"hi-child-2\"",
                "\"\\u001b[31mChild\""), "input.displayName"));
        corpus.add(command("child name lone low surrogate", REGISTER_CHILD, child.formatted("\"hi-child-2\"",
                "\"Child \\udc76\""), "input.displayName must not contain a lone surrogate"));
        corpus.add(command("child name reversed pair", REGISTER_CHILD, child.formatted("\"hi-child-2\"",
                "\"Child \\udc76\\ud83d\""), "input.displayName"));
        corpus.add(command("child name a number", REGISTER_CHILD, child.formatted("\"hi-child-2\"", "7"),
                "input.displayName must be a string, not the number 7"));
        corpus.add(command("child name an object", REGISTER_CHILD, child.formatted("\"hi-child-2\"",
                "{\"$ne\":null}"), "input.displayName must be a string, not an object"));
        corpus.add(command("child name missing", REGISTER_CHILD, "{\"id\":\"hi-child-2\"}",
                "input.displayName is missing"));
        corpus.add(command("child an unknown field", REGISTER_CHILD,
                "{\"id\":\"hi-child-2\",\"displayName\":\"B\",\"$where\":\"1\"}", "input[\"$where\"] is not a field"));
        corpus.add(command("child born yesterday", REGISTER_CHILD,
                "{\"id\":\"hi-child-2\",\"displayName\":\"B\",\"dateOfBirth\":\"yesterday\"}", "input.dateOfBirth"));
        corpus.add(command("child born in the future", REGISTER_CHILD,
                "{\"id\":\"hi-child-2\",\"displayName\":\"B\",\"dateOfBirth\":\"2999-01-01\"}", "dateOfBirth"));
        corpus.add(command("child input a list", REGISTER_CHILD, "[{\"id\":\"hi-child-2\",\"displayName\":\"B\"}]",
                "input must be an object"));
        corpus.add(command("child input a string", REGISTER_CHILD, "\"hi-child-2\"", "input must be an object"));
        corpus.add(literal(c, "child id an object in the document",
                "mutation { registerChild(input: {id: {gt: \"\"}, displayName: \"B\"}) { id } }",
                "input.id must be a string, not an object"));
        corpus.add(literal(c, "child id a list in the document",
                "mutation { registerChild(input: {id: [\"hi-child-2\"], displayName: \"B\"}) { id } }", "input.id"));
        corpus.add(literal(c, "child id NUL in the document",
                "mutation { registerChild(input: {id: \"hi-child-2\\u0000\", displayName: \"B\"}) { id } }",
                "input.id must not contain the control character U+0000"));
        corpus.add(literal(c, "child name bell in the document",
                "mutation { registerChild(input: {id: \"hi-child-2\", displayName: \"B\\u0007\"}) { id } }",
                "input.displayName"));
        corpus.add(literal(c, "child missing fields in the document",
                "mutation { registerChild(input: {id: \"hi-child-2\"}) { id } }", "input.displayName is missing"));
        corpus.add(new Hostile("commands child id lone surrogate in the document", c, JSON, bytes(
                "{\"query\":\"mutation { registerChild(input: {id: \\\"hi-child-2\\ud800\\\", displayName: \\\"B\\\"}) "
                        + "{ id } }\"}"), 200, "syntax"));
        String agency = "{\"id\":\"hi-agency-2\",\"name\":%s,\"sector\":%s}";
        corpus.add(command("agency sector unknown", REGISTER_AGENCY, agency.formatted("\"Housing\"", "\"SPACE\""),
                "input.sector must be one of"));
        corpus.add(command("agency sector lower case", REGISTER_AGENCY, agency.formatted("\"Housing\"",
                "\"housing\""), "input.sector"));
        corpus.add(command("agency sector a number", REGISTER_AGENCY, agency.formatted("\"Housing\"", "3"),
                "input.sector"));
        corpus.add(command("agency name an object", REGISTER_AGENCY, agency.formatted("{}", "\"HOUSING\""),
                "input.name"));
        corpus.add(command("agency name blank", REGISTER_AGENCY, agency.formatted("\"\"", "\"HOUSING\""),
                "name must not be blank"));
        corpus.add(literal(c, "agency sector quoted in the document", "mutation { registerAgency(input: {id: "
                + "\"hi-agency-2\", name: \"Housing\", sector: \"HOUSING\"}) { id } }", "input.sector"));

        corpus.add(entryCase("personIds an operator object", "personIds", "{\"$in\":[]}",
                "input.personIds must be a string, not an object"));
        corpus.add(entryCase("personIds with an operator inside", "personIds", "[\"person-a\",{\"$ne\":null}]",
                "input.personIds[1] must be a string, not an object"));
        corpus.add(entryCase("personIds a list of lists", "personIds", "[[\"person-a\"]]", "input.personIds[0]"));
        corpus.add(entryCase("personIds with a NUL", "personIds", "[\"person\\u0000a\"]", "input.personIds[0]"));
        corpus.add(entryCase("summary NUL", "summary", "\"Seen at home\\u0000\"",
                "input.summary must not contain the control character U+0000"));
        corpus.add(entryCase("summary vertical tab", "summary", "\"Seen\\u000bhome\"", "input.summary"));
        corpus.add(entryCase("summary escape sequence", "summary", "\"\\u001b[2J\"", "input.summary"));
        corpus.add(entryCase("summary form feed", "summary", "\"Seen\\fhome\"", "input.summary"));
        corpus.add(entryCase("summary lone high surrogate", "summary", "\"Seen \\ud83d home\"",
                "input.summary must not contain a lone surrogate"));
        corpus.add(entryCase("summary lone low surrogate at the end", "summary", "\"Seen\\udc76\"", "input.summary"));
        corpus.add(entryCase("summary a number", "summary", "42", "input.summary must be a string, not the number 42"));
        corpus.add(entryCase("summary a list", "summary", "[\"a\"]", "input.summary"));
        corpus.add(entryCase("summary blank", "summary", "\" \\n\\t \"", "summary must not be blank"));
        corpus.add(entryCase("summary 10,001 emoji", "summary", Json.string(BABY.repeat(10_001)),
                "summary must be at most 10000 characters, not 10001"));
        corpus.add(entryCase("sourceRef line feed", "sourceRef", "\"HI-2\\n\"",
                "sourceRef must not contain the control character U+000A"));
        corpus.add(entryCase("sourceRef tab", "sourceRef", "\"HI\\t2\"", "sourceRef"));
        corpus.add(entryCase("sourceRef NUL", "sourceRef", "\"HI-2\\u0000\"", "sourceRef"));
        corpus.add(entryCase("sourceRef lone surrogate", "sourceRef", "\"HI-2\\ud800\"", "sourceRef"));
        corpus.add(entryCase("sourceRef 201 characters", "sourceRef", Json.string("R".repeat(201)),
                "sourceRef must be at most 200 characters"));
        corpus.add(entryCase("sourceRef an object", "sourceRef", "{\"$regex\":\".*\"}", "input.sourceRef"));
        corpus.add(entryCase("childId an object", "childId", "{\"$gt\":\"\"}", "input.childId must be a string"));
        corpus.add(entryCase("childId NUL", "childId", "\"hi-child\\u0000\"", "input.childId"));
        corpus.add(entryCase("agencyId a list", "agencyId", "[\"hi-police\"]", "input.agencyId"));
        corpus.add(entryCase("agencyId carriage return", "agencyId", "\"hi-police\\r\"", "input.agencyId"));
        corpus.add(entryCase("occurredAt yesterday", "occurredAt", "\"yesterday\"",
                "input.occurredAt must be a DateTime"));
        corpus.add(entryCase("occurredAt a number", "occurredAt", "1714555800000", "input.occurredAt"));
        corpus.add(entryCase("occurredAt without an offset", "occurredAt", "\"2024-05-01T09:30:00\"", "input.occurredAt"));
        corpus.add(entryCase("occurredAt an object", "occurredAt", "{\"$date\":1}", "input.occurredAt"));
        corpus.add(entryCase("knownAt in the future", "knownAt", "\"2999-01-01T00:00:00Z\"", "knownAt"));
        corpus.add(entryCase("knownAt before occurredAt", "knownAt", "\"2024-04-01T00:00:00Z\"", "knownAt"));
        corpus.add(entryCase("kind unknown", "kind", "\"PICNIC\"", "input.kind must be one of"));
        corpus.add(entryCase("kind lower case", "kind", "\"contact\"", "input.kind"));
        corpus.add(entryCase("kind null", "kind", "null", "input.kind must not be null"));
        corpus.add(entryCase("significance a number", "significance", "1", "input.significance"));
        corpus.add(entryCase("significance missing", "significance", null, "input.significance is missing"));
        corpus.add(entryCase("professional NUL", "professional", "\"Officer\\u0000\"", "input.professional"));
        corpus.add(entryCase("precision unknown", "occurredAtPrecision", "\"WEEK\"", "input.occurredAtPrecision"));
        corpus.add(entryCase("precision not the start of its month", "occurredAtPrecision", "\"MONTH\"", "occurredAt"));
        corpus.add(command("entry input missing", RECORD, null, "input is missing"));
        corpus.add(command("entry input null", RECORD, "null", "input must not be null"));
        corpus.add(new Hostile("commands a summary given as an integer to variable i", c, JSON, bytes("{\"query\":"
                + Json.string("mutation($i: RecordEntryInput!) { recordEntry(input: $i) { entryId } }")
                + ",\"variables\":{\"i\":" + entryWith("summary", "7") + "}}"), 200,
                "i.summary must be a string, not the number 7"));
        corpus.add(literal(c, "summary NUL in the document", "mutation { recordEntry(input: {childId: \"hi-child\", "
                + "agencyId: \"hi-police\", sourceRef: \"HI-2\", kind: CONTACT, occurredAt: \"2024-05-01T09:30:00Z\", "
                + "knownAt: \"2024-05-02T10:00:00Z\", summary: \"x\\u0000\", significance: ROUTINE}) { entryId } }",
                "input.summary"));
        corpus.add(literal(c, "occurredAt yesterday in the document", "mutation { recordEntry(input: {childId: "
                + "\"hi-child\", agencyId: \"hi-police\", sourceRef: \"HI-2\", kind: CONTACT, occurredAt: \"yesterday\", "
                + "knownAt: \"2024-05-02T10:00:00Z\", summary: \"x\", significance: ROUTINE}) { entryId } }",
                "input.occurredAt must be a DateTime, an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z, "
                        + "not \"yesterday\""));
        corpus.add(literal(c, "personIds an object in the document", "mutation { recordEntry(input: {childId: "
                + "\"hi-child\", agencyId: \"hi-police\", sourceRef: \"HI-2\", kind: CONTACT, occurredAt: "
                + "\"2024-05-01T09:30:00Z\", knownAt: \"2024-05-02T10:00:00Z\", summary: \"x\", significance: ROUTINE, "
                + "personIds: {in: []}}) { entryId } }", "input.personIds must be a string, not an object"));
        corpus.add(command("a batch item with an operator", RECORD_MANY, "[" + entry(Map.of()) + ","
                + entryWith("childId", "{\"$gt\":\"\"}") + "]", "input[1].childId must be a string"));
        corpus.add(command("a batch of 1,001", RECORD_MANY, IntStream.range(0, 1_001)
                .mapToObj(i -> entryWith("sourceRef", "\"HI-B-" + i + "\"")).collect(joining(",", "[", "]")),
                "input must have at most 1000 items"));
        corpus.add(command("correction entryId an object", CORRECT, "{\"entryId\":{\"$gt\":\"\"},\"agencyId\":"
                + "\"hi-police\",\"summary\":\"s\",\"reason\":\"r\"}", "input.entryId"));
        corpus.add(command("correction reason NUL", CORRECT, "{\"entryId\":" + Json.string(entryId)
                + ",\"agencyId\":\"hi-police\",\"summary\":\"s\",\"reason\":\"r\\u0000\"}", "input.reason"));
        corpus.add(command("correction summary 10,001 characters", CORRECT, "{\"entryId\":" + Json.string(entryId)
                + ",\"agencyId\":\"hi-police\",\"summary\":" + Json.string("s".repeat(10_001))
                + ",\"reason\":\"r\"}", "summary must be at most 10000 characters"));
        corpus.add(command("retraction reason lone surrogate", RETRACT, "{\"entryId\":" + Json.string(entryId)
                + ",\"agencyId\":\"hi-police\",\"reason\":\"wrong \\ud800\"}", "input.reason"));
        corpus.add(command("retraction agencyId an object", RETRACT, "{\"entryId\":" + Json.string(entryId)
                + ",\"agencyId\":{\"$ne\":\"x\"},\"reason\":\"wrong\"}", "input.agencyId"));
        String share = "{\"childId\":\"hi-child\",\"fromAgencyId\":\"hi-police\",\"toAgencyId\":\"hi-health\","
                + "\"entryIds\":%s,\"sharedAt\":\"2024-05-03T09:00:00Z\",\"channel\":%s,\"sourceRef\":%s}";
        corpus.add(command("share entryIds a list of lists", SHARE, share.formatted("[[" + Json.string(entryId)
                + "]]", "\"MEETING\"", "\"HI-S-1\""), "input.entryIds[0]"));
        corpus.add(command("share entryIds an object", SHARE, share.formatted("{\"$exists\":true}",
                "\"MEETING\"", "\"HI-S-1\""), "input.entryIds"));
        corpus.add(command("share channel unknown", SHARE, share.formatted("[" + Json.string(entryId) + "]",
                "\"PIGEON\"", "\"HI-S-1\""), "input.channel"));
        corpus.add(command("share sourceRef line feed", SHARE, share.formatted("[" + Json.string(entryId) + "]",
                "\"MEETING\"", "\"HI\\nS-1\""), "sourceRef"));
        String person = "{\"childId\":\"hi-child\",\"agencyId\":\"hi-police\",\"personId\":%s,\"role\":\"MOTHER\","
                + "\"sex\":\"FEMALE\",\"livesWithChild\":%s,\"knownAt\":\"2024-05-02T10:00:00Z\",\"sourceRef\":\"HI-P-1\"}";
        corpus.add(command("person livesWithChild yes", PERSON, person.formatted("\"person-mother\"", "\"yes\""),
                "input.livesWithChild must be true or false"));
        corpus.add(command("person personId an object", PERSON, person.formatted("{\"$gt\":\"\"}", "true"),
                "input.personId"));
        corpus.add(literal(c, "100 aliased registrations", IntStream.range(0, 100)
                .mapToObj(i -> "r" + i + ": registerChild(input: {id: \"hi-many-" + i + "\", displayName: \"B\"}) { id }")
                .collect(joining(" ", "mutation { ", " }")), "complexity"));
        corpus.add(literal(c, "a syntax error", "mutation { registerChild(input: {id: \"x\" { id } }", "syntax"));
        corpus.add(literal(c, "an unknown mutation", "mutation { registerPicnic(input: {}) { id } }", "registerPicnic"));
        corpus.add(literal(c, "an unknown argument", "mutation { registerChild(input: {id: \"x\", displayName: \"B\"}, "
                + "force: true) { id } }", "force"));
        corpus.add(literal(c, "a bad variable default", "mutation($d: Date = \"soon\") { registerChild(input: {id: "
                + "\"hi-child-2\", displayName: \"B\", dateOfBirth: $d}) { id } }", "d must be a Date"));
        corpus.add(literal(c, "a directive argument quoted", "mutation { registerChild(input: {id: \"hi-child-2\", "
                + "displayName: \"B\"}) { id @skip(if: \"no\") } }", "@skip(if:) must be true or false"));
        corpus.add(literal(c, "a subscription", "subscription { registerChild { id } }", "Subscription"));
        corpus.add(new Hostile("commands a refusal asked as application/graphql-response+json", c, JSON,
                "application/graphql-response+json", bytes("{\"query\":" + Json.string(REGISTER_CHILD)
                + ",\"variables\":{\"input\":" + child.formatted("{\"$gt\":\"\"}", "\"B\"") + "}}"), 400, "input.id"));
    }

    private void queries(List<Hostile> corpus) {
        Service q = Service.QUERIES;
        corpus.add(query("childId an object", CHRONOLOGY, "{\"childId\":{\"$gt\":\"\"}}",
                "childId must be a string, not an object"));
        corpus.add(query("childId a list", CHRONOLOGY, "{\"childId\":[\"hi-child\"]}", "childId"));
        corpus.add(query("childId NUL", CHRONOLOGY, "{\"childId\":\"hi-child\\u0000\"}", "childId"));
        corpus.add(query("childId lone surrogate", CHRONOLOGY, "{\"childId\":\"\\udfff\"}", "childId"));
        corpus.add(query("childId missing", CHRONOLOGY, "{}", "childId is missing"));
        corpus.add(query("knownBy an operator", CHRONOLOGY, "{\"childId\":\"hi-child\",\"knownBy\":"
                + "{\"$ne\":null}}", "knownBy"));
        corpus.add(query("personId an operator", CHRONOLOGY, "{\"childId\":\"hi-child\",\"personId\":"
                + "{\"$in\":[]}}", "personId"));
        corpus.add(query("first ten", CHRONOLOGY, "{\"childId\":\"hi-child\",\"first\":\"ten\"}",
                "first must be an integer"));
        corpus.add(query("first beyond Int", CHRONOLOGY, "{\"childId\":\"hi-child\",\"first\":1099511627776}",
                "first must be an integer from"));
        corpus.add(query("first a fraction", CHRONOLOGY, "{\"childId\":\"hi-child\",\"first\":1.5}", "first"));
        corpus.add(query("first too many", CHRONOLOGY, "{\"childId\":\"hi-child\",\"first\":501}", "first"));
        corpus.add(query("first none", CHRONOLOGY, "{\"childId\":\"hi-child\",\"first\":0}", "first"));
        corpus.add(query("knownAt yesterday", CHRONOLOGY, "{\"childId\":\"hi-child\",\"knownAt\":\"yesterday\"}",
                "knownAt must be a DateTime"));
        corpus.add(query("after NUL", CHRONOLOGY, "{\"childId\":\"hi-child\",\"after\":\"x\\u0000\"}", "after"));
        corpus.add(query("after no cursor", CHRONOLOGY, "{\"childId\":\"hi-child\",\"after\":\"'; DROP --\"}",
                "after"));
        corpus.add(literal(q, "childId an object in the document", "{ chronology(childId: {gt: \"\"}) { totalCount } }",
                "childId must be a string, not an object"));
        corpus.add(literal(q, "childId escape in the document", "{ chronology(childId: \"\\u001b\") { totalCount } }",
                "childId"));
        corpus.add(literal(q, "first quoted in the document", "{ chronology(childId: \"hi-child\", first: \"10\") "
                + "{ totalCount } }", "first must be an integer"));
        corpus.add(literal(q, "entry id a list", "{ entry(id: [\"a\"]) { id } }", "id must be a string, not a list"));
        corpus.add(literal(q, "entry recordedAsOf a number", "{ entry(id: \"a\", recordedAsOf: 5) { id } }",
                "recordedAsOf"));
        corpus.add(literal(q, "caseState verify yes", "{ caseState(childId: \"hi-child\", at: \"2024-01-01T00:00:00Z\", "
                + "verify: \"yes\") { entryCount } }", "verify must be true or false"));
        corpus.add(literal(q, "caseState without at", "{ caseState(childId: \"hi-child\") { entryCount } }", "'at'"));
        corpus.add(literal(q, "agency id true", "{ agency(id: true) { id } }", "id must be a string, not true"));
        corpus.add(literal(q, "child id an empty list", "{ child(id: []) { id } }", "id must be a string"));
        corpus.add(literal(q, "involvement childId NUL", "{ involvement(childId: \"a\\u0000\") { entryCount } }",
                "childId"));
        corpus.add(literal(q, "1,000 aliases of chronology", IntStream.range(0, 1_000)
                .mapToObj(i -> "c" + i + ": chronology(childId: \"hi-child\") { totalCount }")
                .collect(joining(" ", "{ ", " }")), "complexity is 11000"));
        corpus.add(literal(q, "46 aliases of chronology", IntStream.range(0, 46)
                .mapToObj(i -> "c" + i + ": chronology(childId: \"hi-child\") { totalCount }")
                .collect(joining(" ", "{ ", " }")), "complexity is 506"));
        corpus.add(literal(q, "16 fields deep", "{ __schema { types { fields { type { " + "ofType { ".repeat(11)
                + "name" + " }".repeat(11) + " } } } } }", "16 fields deep"));
        StringBuilder bomb = new StringBuilder("{ ...F30 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 30; i++) {
            bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" a").append(i)
                    .append(": __typename ...F").append(i - 1).append(" }");
        }
        corpus.add(literal(q, "a fragment bomb", bomb.toString(), "complexity"));
        corpus.add(literal(q, "30,000 tokens", IntStream.range(0, 10_000).mapToObj(i -> "a" + i + ": __typename")
                .collect(joining(" ", "{ ", " }")), "tokens"));
        corpus.add(literal(q, "an unknown field", "{ chronology(childId: \"hi-child\") { picnic } }", "picnic"));
        corpus.add(literal(q, "a mutation", "mutation { registerChild(input: {id: \"x\", displayName: \"B\"}) { id } }",
                "Mutation"));
        corpus.add(literal(q, "an unknown operation name", "query A { projectionStatus { name } }", "B", "B"));
        corpus.add(literal(q, "two anonymous operations", "{ projectionStatus { name } } { projectionStatus { name } }",
                "nonymous"));
    }

    // ---------------------------------------------------------------- building and sending

    private enum Service { COMMANDS, QUERIES }

    /** One request and what its refusal must be: the HTTP status and words the message holds. */
    private record Hostile(String name, Service service, String contentType, String accept, byte[] body, int status,
                           String names) {

        Hostile(String name, Service service, String contentType, byte[] body, int status, String names) {
            this(name, service, contentType, JSON, body, status, names);
        }

        /** What is wrong with the answer, or null when it is the refusal it should be. */
        String failure(HttpResponse<String> answer) {
            if (answer.statusCode() != status) {
                return "HTTP " + answer.statusCode() + ", not " + status;
            }
            if (!answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
                return "not a JSON answer";
            }
            List<Map<String, Object>> errors;
            Object data;
            try {
                errors = JsonPath.read(answer.body(), "$.errors");
                data = JsonPath.<Map<String, Object>>read(answer.body(), "$").get("data");
            } catch (RuntimeException notGraphQl) {
                return "no GraphQL errors";
            }
            if (errors == null || errors.isEmpty() || data != null) {
                return "it was not refused";
            }
            for (Map<String, Object> error : errors) {
                Object classification = error.get("extensions") instanceof Map<?, ?> extensions
                        ? extensions.get("classification") : null;
                if (!"BAD_REQUEST".equals(classification)) {
                    return "classification " + classification;
                }
                if (INTERNALS.matcher(String.valueOf(error.get("message"))).find()) {
                    return "a message names internals";
                }
            }
            return errors.stream().anyMatch(error -> String.valueOf(error.get("message")).contains(names)) ? null
                    : "no message names " + names;
        }
    }

    private HttpResponse<String> send(Hostile request) throws Exception {
        int port = request.service() == Service.COMMANDS ? platform.commandPort : platform.queryPort;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", request.accept())
                .header("Authorization", platform.admin.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A mutation with its input as JSON text (null: no variables), refused at GraphQL level: HTTP 200, errors only. */
    private static Hostile command(String name, String document, String inputJson, String names) {
        return request(Service.COMMANDS, name, document, inputJson == null ? "{}" : "{\"input\":" + inputJson + "}",
                names);
    }

    /** A query with its variables as JSON text. */
    private static Hostile query(String name, String document, String variablesJson, String names) {
        return request(Service.QUERIES, name, document, variablesJson, names);
    }

    private static Hostile request(Service service, String name, String document, String variablesJson,
                                   String names) {
        return new Hostile(service + " " + name, service, JSON,
                bytes("{\"query\":" + Json.string(document) + ",\"variables\":" + variablesJson + "}"), 200, names);
    }

    private static Hostile literal(Service service, String name, String document, String names) {
        return new Hostile(service + " " + name, service, JSON, bytes("{\"query\":" + Json.string(document) + "}"),
                200, names);
    }

    private static Hostile literal(Service service, String name, String document, String operationName,
                                   String names) {
        return new Hostile(service + " " + name, service, JSON, bytes("{\"query\":" + Json.string(document)
                + ",\"operationName\":" + Json.string(operationName) + "}"), 200, names);
    }

    /** recordEntry with one field of a valid entry given as this JSON (null: left out). */
    private static Hostile entryCase(String name, String field, String json, String names) {
        return command("entry " + name, RECORD, entryWith(field, json), names);
    }

    private static String entryWith(String field, String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, json);
        return entry(fields);
    }

    /** A valid RecordEntryInput of hi-child as JSON text, with these fields in its place (a null value: none). */
    private static String entry(Map<String, String> replaced) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("childId", "\"hi-child\"");
        fields.put("agencyId", "\"hi-police\"");
        fields.put("sourceRef", "\"HI-1\"");
        fields.put("kind", "\"CONTACT\"");
        fields.put("occurredAt", "\"2024-05-01T09:30:00Z\"");
        fields.put("knownAt", "\"2024-05-02T10:00:00Z\"");
        fields.put("summary", "\"Seen at home\"");
        fields.put("significance", "\"ROUTINE\"");
        fields.putAll(replaced);
        return fields.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> Json.string(field.getKey()) + ":" + field.getValue()).collect(joining(",", "{", "}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- what is stored, what is read

    private double headSequence() {
        return ((Number) JsonPath.read(platform.commands.postOk("{ eventStore { headSequence } }", Map.of()),
                "$.data.eventStore.headSequence")).doubleValue();
    }

    private long storedCommits() {
        try (MongoClient client = MongoClients.create(platform.mongoUri)) {
            return client.getDatabase("chronology").getCollection("events").countDocuments();
        }
    }

    private String awaitRead(String document, Object variables, Predicate<String> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String response = platform.queries.postOk(document, variables);
        while (!ready.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = platform.queries.postOk(document, variables);
        }
        return response;
    }

    private static void assertSameBytes(String read, String sent) {
        assertThat(read.getBytes(StandardCharsets.UTF_8)).as("read back: %s", read)
                .isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
    }
}
