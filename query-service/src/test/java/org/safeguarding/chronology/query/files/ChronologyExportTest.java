package org.safeguarding.chronology.query.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.files.ExportedFiles.flatten;
import static org.safeguarding.chronology.query.files.ExportedFiles.inert;
import static org.safeguarding.chronology.query.files.ExportedFiles.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GET /exports/chronology over events in the real event store: four agencies, shares verbal, written, electronic
 * and at a meeting, a correction and a retraction, day, month and year precision, summaries that a spreadsheet
 * would take for formulas, with commas, quotes, line breaks and "Zoë". Each format is read back and compared with
 * the GraphQL chronology of the same view, row by row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChronologyExportTest extends QueryServiceTestBase {

    private static final String CHILD = "child-export";
    private static final Instant RECORDED = Instant.parse("2019-06-01T10:00:00Z");
    private static final String PASSWORD = "chronology-export-test-password";
    private static final Path WRITTEN = Path.of("target", "exports");

    /** The views compared: every agency's, one agency's, one agency's by an instant, the record before a correction. */
    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of(Map.of()),
                Arguments.of(Map.of("knownBy", "hv-ex")),
                Arguments.of(Map.of("knownBy", "hv-ex", "knownAt", "2019-03-15T00:00:00Z")),
                Arguments.of(Map.of("recordedAsOf", "2019-06-01T10:00:15Z")));
    }

    @Autowired
    UserAccounts users;

    @Autowired
    WebTestClient web;

    private int published;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-ex", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("gp-ex", "GP Practice", Sector.HEALTH));
        registerAgency(new AgencyRegistered("hv-ex", "Health Visiting", Sector.HEALTH));
        registerAgency(new AgencyRegistered("csc-ex", "Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE));
        users.create("hv-user-ex", PASSWORD, UserRole.AGENCY, "hv-ex", "test");
        users.create("reviewer-ex", PASSWORD, UserRole.REVIEWER, null, "test");
        publish(new ChildRegistered(CHILD, "Child E", LocalDate.parse("2018-12-10")));
        publish(entry(1, "gp-ex", EntryKind.APPOINTMENT_MISSED, "2019-02-01T00:00:00Z", DatePrecision.DAY,
                "2019-02-01T12:00:00Z", "+44 7700 900000 rang twice, no answer", Significance.ROUTINE, "GP 1"));
        publish(entry(2, "police-ex", EntryKind.DOMESTIC_ABUSE_INCIDENT, "2019-03-14T09:30:00Z", DatePrecision.EXACT,
                "2019-03-14T09:30:00Z", "=HYPERLINK(\"http://example.invalid\",\"call-out\"), Mother said \"it's fine\"",
                Significance.SIGNIFICANT, "Police Officer 2"));
        publish(entry(3, "hv-ex", EntryKind.HOME_VISIT, "2019-03-01T00:00:00Z", DatePrecision.MONTH,
                "2019-03-20T10:00:00Z", "-Weight down; Zoë (sibling) present, home cold", Significance.ROUTINE, null));
        publish(entry(4, "csc-ex", EntryKind.REFERRAL, "2019-01-01T00:00:00Z", DatePrecision.YEAR,
                "2019-04-02T09:00:00Z", "@Mother asked for help, with commas, \"quotes\" and a new\nline",
                Significance.CRITICAL, "Social Worker 3"));
        publish(entry(5, "hv-ex", EntryKind.CONTACT, "2019-04-10T14:15:00Z", DatePrecision.EXACT,
                "2019-04-10T14:15:00Z", "\tTelephone contact,\r\nno answer\nMessage left for Mother",
                Significance.ROUTINE, "Health Visitor 1"));
        publish(entry(6, "police-ex", EntryKind.CONTACT, "2018-11-30T08:00:00Z", DatePrecision.EXACT,
                "2018-11-30T08:00:00Z", "Report from a neighbour about shouting", Significance.ROUTINE, null));
        publish(entry(7, "gp-ex", EntryKind.INJURY_PRESENTATION, "2019-05-02T16:45:00Z", DatePrecision.EXACT,
                "2019-05-02T16:45:00Z", "Bruise to forearm, explanation given by Mother", Significance.SIGNIFICANT,
                "GP 2"));
        share(1, "police-ex", "hv-ex", "2019-03-14T11:00:00Z", SharingChannel.VERBAL, 2);
        share(2, "police-ex", "gp-ex", "2019-03-20T09:00:00Z", SharingChannel.WRITTEN, 2);
        share(3, "gp-ex", "hv-ex", "2019-02-05T10:00:00Z", SharingChannel.ELECTRONIC, 1);
        // 00:30 on 2 April in London: the since date is London's
        share(4, "hv-ex", "csc-ex", "2019-04-01T23:30:00Z", SharingChannel.MEETING, 3);
        published = 20;
        publish(new EntryCorrected(CHILD, CHILD + "/E6", "police-ex", 2, EntryKind.CONTACT,
                Instant.parse("2018-11-30T08:00:00Z"), DatePrecision.EXACT, Instant.parse("2018-11-30T08:00:00Z"),
                "Report from a neighbour about shouting and a baby crying", Significance.ROUTINE, "more detail"));
        publish(new EntryRetracted(CHILD, CHILD + "/E7", "gp-ex", 2, "wrong child"));
        eventually(() -> {
            assertThat(ExportedFiles.graphQlRows(graphQl, CHILD, Map.of())).hasSize(6)
                    .anySatisfy(row -> assertThat(row.get(11)).isEqualTo("2"));
            asAgencyUser().documentName("exportedChronology").variable("childId", CHILD).execute()
                    .path("chronology.totalCount").entity(Integer.class).isEqualTo(4);
        });
    }

    @ParameterizedTest
    @MethodSource("views")
    void csvHoldsEveryColumnOfTheViewRowByRowWithFormulaStartsNeutralised(Map<String, String> view) {
        List<List<String>> expected = ExportedFiles.graphQlRows(graphQl, CHILD, view);
        List<List<String>> csv = ExportedFiles.csv(exported("csv", view, "text/csv;charset=UTF-8"));
        assertThat(csv.get(0)).isEqualTo(ExportedFiles.HEADERS);
        assertThat(csv.subList(1, csv.size())).isEqualTo(expected.stream().map(ExportedFiles::inert).toList());
    }

    @Test
    void csvQuotesAndNeutralisesAsASpreadsheetNeedsIt() {
        String body = new String(export("csv", Map.of(), web).getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("Entry id,Occurred,Child's age,Agency,Source ref,Kind,Summary,Significance,"
                + "Professional,Known to,Since previous,Version\r\n");
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"call-out\"\"), Mother said "
                + "\"\"it's fine\"\"\"");
        assertThat(body).contains(",\"'+44 7700 900000 rang twice, no answer\",");
        assertThat(body).contains("\"'\tTelephone contact,\r\nno answer\nMessage left for Mother\"");
        assertThat(body).contains("Zoë");
        assertThat(body).contains("Police (14/03/2019, OWN_RECORD)", "Health Visiting (14/03/2019, SHARED VERBAL)",
                "GP Practice (20/03/2019, SHARED WRITTEN)", "GP Practice (01/02/2019, OWN_RECORD)");
        assertThat(body).contains("Children's Social Care (02/04/2019, SHARED MEETING)");
    }

    @ParameterizedTest
    @MethodSource("views")
    void xlsxHoldsEveryColumnOfTheViewAsStringCellsRowByRow(Map<String, String> view) {
        List<List<String>> expected = ExportedFiles.graphQlRows(graphQl, CHILD, view);
        ExportedFiles.Workbook workbook = ExportedFiles.xlsx(exported("xlsx", view,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(workbook.sheets()).containsExactly("Chronology", "About");
        assertThat(workbook.headers()).isEqualTo(ExportedFiles.HEADERS);
        assertThat(workbook.rows()).isEqualTo(expected);
        assertOneColourPerAgency(expected, workbook.fills());
    }

    @ParameterizedTest
    @MethodSource("views")
    void docxHoldsThePanelsColumnsRowByRowUnderATitleNamingTheView(Map<String, String> view) {
        List<List<String>> expected = ExportedFiles.graphQlRows(graphQl, CHILD, view);
        ExportedFiles.Docx docx = ExportedFiles.docx(exported("docx", view,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(String.join(" ", docx.paragraphs().subList(0, 7))).matches(title(view, expected.size()));
        assertThat(docx.headers()).isEqualTo(ExportedFiles.PANEL);
        assertThat(docx.rows()).isEqualTo(expected.stream().map(row -> panel(row).stream()
                .map(text -> text.replace("\r\n", "\n").replace('\r', '\n')).toList()).toList());
        assertThat(docx.headerRepeats()).isTrue();
        assertThat(docx.tables()).as("the entries' table is the only one").isEqualTo(1);
        assertThat(docx.after()).as("no links: nothing after the table").isEmpty();
        assertThat(docx.orientation()).isEqualTo("landscape");
        assertThat(docx.footer()).contains("Chronology of Child E").contains("Page ");
        List<String> agencies = expected.stream().map(row -> row.get(3)).toList();
        assertOneColourPerAgency(expected, docx.shading());
        for (int i = 0; i < agencies.size(); i++) {
            assertThat(docx.key()).containsEntry(agencies.get(i), docx.shading().get(i));
        }
        assertThat(docx.key().keySet()).as("every agency of the child: one key for all its views")
                .containsExactlyInAnyOrder("Police", "GP Practice", "Health Visiting", "Children's Social Care");
    }

    @ParameterizedTest
    @MethodSource("views")
    void pdfHoldsThePanelsColumnsRowByRowUnderATitleNamingTheView(Map<String, String> view) {
        List<List<String>> expected = ExportedFiles.graphQlRows(graphQl, CHILD, view);
        ExportedFiles.Pdf pdf = ExportedFiles.pdf(exported("pdf", view, "application/pdf"));
        assertThat(pdf.width()).isGreaterThan(pdf.height());
        String text = pdf.flat();
        assertThat(Pattern.compile(title(view, expected.size())).matcher(text).lookingAt()).as(text).isTrue();
        assertThat(flatten(pdf.pageTexts().get(0))).contains("Page 1 of " + pdf.pages());
        // in the order drawn, white space left out: a cell's text may wrap anywhere
        String drawn = text.replace(" ", "");
        String header = String.join("", ExportedFiles.PANEL).replace(" ", "");
        int at = drawn.indexOf(header);
        assertThat(at).as("the table's header").isPositive();
        at += header.length();
        for (List<String> row : expected) {
            for (String cell : panel(row)) {
                String squeezed = cell.replaceAll("\\s+", "");
                int found = drawn.indexOf(squeezed, at);
                assertThat(found).as("%s of entry %s, after offset %d", cell, row.get(0), at).isGreaterThanOrEqualTo(at);
                at = found + squeezed.length();
            }
        }
    }

    @Test
    void eachAgencyHasOneColourInEveryFormatAndEveryViewOfTheChild() {
        Map<String, String> colours = new LinkedHashMap<>();
        for (Map<String, String> view : List.of(Map.<String, String>of(), Map.of("knownBy", "hv-ex"),
                Map.of("recordedAsOf", "2019-06-01T10:00:15Z"))) {
            List<List<String>> rows = ExportedFiles.graphQlRows(graphQl, CHILD, view);
            List<String> fills = ExportedFiles.xlsx(export("xlsx", view, web).getResponseBody()).fills();
            List<String> shading = ExportedFiles.docx(export("docx", view, web).getResponseBody()).shading();
            for (int i = 0; i < rows.size(); i++) {
                assertThat(fills.get(i)).isEqualTo("FF" + shading.get(i));
                String agency = rows.get(i).get(3);
                assertThat(colours.putIfAbsent(agency, shading.get(i))).as("%s in %s", agency, view)
                        .isIn(null, shading.get(i));
            }
        }
        assertThat(colours).hasSize(4);
        assertThat(new HashSet<>(colours.values())).hasSize(4);
    }

    @Test
    void anAgencyUserGetsItsOwnAgencysView() {
        WebTestClient agencyUser = web.mutate().defaultHeaders(headers -> headers.setBasicAuth("hv-user-ex", PASSWORD))
                .build();
        List<List<String>> csv = ExportedFiles.csv(export("csv", Map.of(), agencyUser).getResponseBody());
        assertThat(csv.subList(1, csv.size())).isEqualTo(ExportedFiles.graphQlRows(graphQl, CHILD,
                Map.of("knownBy", "hv-ex")).stream().map(ExportedFiles::inert).toList());
        ExportedFiles.Docx docx = ExportedFiles.docx(export("docx", Map.of(), agencyUser).getResponseBody());
        assertThat(docx.paragraphs()).contains("Whose knowledge: Health Visiting");
    }

    @Test
    void anAgencyUserMayNotAskForAnotherAgencysViewAndTheRefusalIsAudited() {
        WebTestClient agencyUser = web.mutate().defaultHeaders(headers -> headers.setBasicAuth("hv-user-ex", PASSWORD))
                .build();
        agencyUser.get().uri("/exports/chronology?childId={c}&format=csv&knownBy=police-ex", CHILD).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(auditTrail()).anySatisfy(record -> assertThat(record)
                .containsEntry("operation", "denied:exportChronology").containsEntry("username", "hv-user-ex")
                .containsEntry("arguments", "{\"childId\":\"" + CHILD + "\",\"format\":\"csv\",\"knownBy\":\"police-ex\"}"));
    }

    @Test
    void aReviewerOfNoReviewOfTheChildIsRefusedAndTheRefusalIsAudited() {
        web.mutate().defaultHeaders(headers -> headers.setBasicAuth("reviewer-ex", PASSWORD)).build()
                .get().uri("/exports/chronology?childId={c}&format=pdf", CHILD).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("review"));
        assertThat(auditTrail()).anySatisfy(record -> assertThat(record)
                .containsEntry("operation", "denied:exportChronology").containsEntry("username", "reviewer-ex")
                .containsEntry("arguments", "{\"childId\":\"" + CHILD + "\",\"format\":\"pdf\"}"));
    }

    @Test
    void anExportIsAuditedWithItsParametersAsArguments() {
        export("xlsx", Map.of("knownBy", "hv-ex", "knownAt", "2019-03-15T01:00:00+01:00",
                "recordedAsOf", "2019-06-01T10:00:40Z"), web);
        assertThat(auditTrail()).anySatisfy(record -> assertThat(record)
                .containsEntry("operation", "exportChronology").containsEntry("username", "admin")
                .containsEntry("arguments", "{\"childId\":\"" + CHILD + "\",\"format\":\"xlsx\","
                        + "\"knownAt\":\"2019-03-15T00:00:00Z\",\"knownBy\":\"hv-ex\","
                        + "\"recordedAsOf\":\"2019-06-01T10:00:40Z\"}"));
    }

    @Test
    void namesTheFileAfterTheChildAndTheDayOfTheRecord() {
        assertThat(export("xlsx", Map.of("recordedAsOf", "2019-06-01T23:30:00Z"), web).getResponseHeaders()
                .getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"chronology-child-export-2019-06-02.xlsx\"");
        assertThat(export("pdf", Map.of(), web).getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"chronology-child-export-" + LocalDate.now(ZoneId.of("Europe/London"))
                        + ".pdf\"");
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownChildIsNotFound() {
            web.get().uri("/exports/chronology?childId=nobody&format=csv").exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("childId"));
        }

        @Test
        void aFormatNotOfTheFourIsABadRequestNamingIt() {
            badRequest("/exports/chronology?childId=" + CHILD + "&format=doc", "format");
            badRequest("/exports/chronology?childId=" + CHILD, "format");
        }

        @Test
        void aMalformedOrUnknownParameterIsABadRequestNamingIt() {
            badRequest("/exports/chronology?childId=" + CHILD + "&format=csv&knownAt=yesterday", "knownAt");
            badRequest("/exports/chronology?childId=" + CHILD + "&format=csv&recordedAsOf=2019-06-01T10:00:00",
                    "recordedAsOf");
            badRequest("/exports/chronology?childId=" + CHILD + "&format=csv&first=10", "first");
            badRequest("/exports/chronology?format=csv", "childId");
            badRequest("/exports/chronology?childId=" + CHILD + "&format=csv&knownBy=nobody", "knownBy");
            badRequest("/exports/chronology?childId=" + CHILD + "&format=csv&format=pdf", "format");
        }

        @Test
        void withoutCredentialsNothingIsExported() {
            web.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
                    .get().uri("/exports/chronology?childId={c}&format=csv", CHILD).exchange()
                    .expectStatus().isUnauthorized();
        }

        private void badRequest(String uri, String parameter) {
            web.get().uri(uri).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(parameter));
        }
    }

    /** Rows of one agency share one colour, and no two agencies share one (there are fewer than eight). */
    private static void assertOneColourPerAgency(List<List<String>> rows, List<String> colours) {
        assertThat(colours).hasSameSizeAs(rows);
        Map<String, String> byAgency = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(byAgency.putIfAbsent(rows.get(i).get(3), colours.get(i)))
                    .as("colour of row %d", i + 1).isIn(null, colours.get(i));
        }
        assertThat(new HashSet<>(byAgency.values())).hasSameSizeAs(byAgency.keySet());
    }

    /** The title block as one line: the view's words, the moment made as any moment (times in London). */
    private static String title(Map<String, String> view, int entries) {
        String minute = "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d";
        return "Chronology of Child E Whose knowledge: "
                + (view.containsKey("knownBy") ? "Health Visiting" : "every agency")
                + " Known by: " + (view.containsKey("knownAt") ? "15/03/2019 00:00" : "any time")
                + " Record as of: " + (view.containsKey("recordedAsOf") ? "01/06/2019 11:00" : minute + ", when made")
                + " Made: " + minute + " by admin Entries: " + entries
                + " Times: Occurred as the agencies recorded it, in UTC; all other times in Europe/London";
    }

    /** The admin's export of the view, its Content-Type checked. */
    private byte[] exported(String format, Map<String, String> view, String contentType) {
        EntityExchangeResult<byte[]> answer = export(format, view, web);
        assertThat(answer.getResponseHeaders().getContentType().toString()).isEqualTo(contentType);
        return answer.getResponseBody();
    }

    private EntityExchangeResult<byte[]> export(String format, Map<String, String> view, WebTestClient client) {
        StringBuilder uri = new StringBuilder("/exports/chronology?childId=" + CHILD + "&format=" + format);
        view.forEach((name, value) -> uri.append('&').append(name).append('=')
                .append(value.replace("+", "%2B")));
        EntityExchangeResult<byte[]> answer = client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build()
                .get().uri(java.net.URI.create(uri.toString())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        try {
            Files.createDirectories(WRITTEN);
            String name = (client == web ? "" : "other-")
                    + (view.isEmpty() ? "all" : String.join("-", view.keySet().stream().sorted().toList()));
            Files.write(WRITTEN.resolve(name + "." + format), answer.getResponseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    private HttpGraphQlTester asAgencyUser() {
        return graphQl.mutate().headers(headers -> headers.setBasicAuth("hv-user-ex", PASSWORD)).build();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditTrail() {
        return graphQl.document("query($id: ID!) { auditTrail(childId: $id, first: 100) { "
                        + "edges { node { username operation arguments } } } }").variable("id", CHILD).execute()
                .path("auditTrail.edges[*].node").entityList(Object.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
    }

    private void publish(Object event) {
        publishChildEvent(CHILD, event, RECORDED.plusSeconds(++published));
    }

    private void share(int number, String from, String to, String sharedAt, SharingChannel channel, int entry) {
        publish(new InformationShared(CHILD, CHILD + "/S" + number, from, to, List.of(CHILD + "/E" + entry),
                Instant.parse(sharedAt), channel, "SHARE-" + number));
    }

    private static EntryRecorded entry(int number, String agencyId, EntryKind kind, String occurredAt,
                                       DatePrecision precision, String knownAt, String summary,
                                       Significance significance, String professional) {
        return new EntryRecorded(CHILD, CHILD + "/E" + number, agencyId, agencyId + "-" + number, kind,
                Instant.parse(occurredAt), precision, Instant.parse(knownAt), summary, significance, professional,
                List.of());
    }
}
