package org.safeguarding.chronology.query.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.files.ExportedFiles.flatten;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The panel's links in the exports: in the documents each linked row names its links in a last column, Linked, and
 * after the table each link's entries are shown together, in the link's order, each in its agency's tint; the
 * workbook has them on a sheet of their own; the spreadsheets' first sheet and the CSV keep the contract's columns.
 * Links are those recorded by the export's recordedAsOf, and only the entries of the view are shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedEntriesExportTest extends QueryServiceTestBase {

    private static final String CHILD = "child-linked-export";
    private static final Path WRITTEN = Path.of("target", "exports");
    private static final Instant RECORDED = Instant.parse("2019-06-01T10:00:00Z");
    /** After the first two links, before the third. */
    private static final String BEFORE_THIRD_LINK = "2019-06-01T10:00:30Z";
    private static final DateTimeFormatter LONDON = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/London"));
    private static final String CALL_OUT = "Call-out to the home after shouting, Mother and Child F present";
    private static final String NOTE_OF_CALL_OUT = "Police told social care of the call-out, Mother and Child F present";
    private static final String FALL = "Bruise to the cheek; Mother said Child F fell against the cot";
    private static final String STAIRS = "Mother told the social worker the bruise came from a fall on the stairs";
    private static final String VISIT = "Home visit, Child F seen asleep";

    @Autowired
    WebTestClient web;

    private int published;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-lx", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("csc-lx", "Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE));
        registerAgency(new AgencyRegistered("gp-lx", "GP Practice", Sector.HEALTH));
        publish(new ChildRegistered(CHILD, "Child F", LocalDate.parse("2018-10-01")));
        publish(entry(1, "police-lx", EntryKind.DOMESTIC_ABUSE_INCIDENT, "2019-03-14T22:00:00Z", CALL_OUT));
        publish(entry(2, "csc-lx", EntryKind.DOMESTIC_ABUSE_INCIDENT, "2019-03-15T09:00:00Z", NOTE_OF_CALL_OUT));
        publish(entry(3, "gp-lx", EntryKind.INJURY_PRESENTATION, "2019-04-02T10:00:00Z", FALL));
        publish(entry(4, "csc-lx", EntryKind.HOME_VISIT, "2019-04-03T15:00:00Z", STAIRS));
        publish(entry(5, "csc-lx", EntryKind.HOME_VISIT, "2019-05-01T11:00:00Z", VISIT));
        published = 20;
        publish(link("L-call-out", EntryLinkKind.SAME_OCCURRENCE, "The call-out and social care's note of it", 2, 1));
        publish(link("L-bruise", EntryLinkKind.CONFLICTING_ACCOUNTS, "Two explanations of one bruise", 3, 4));
        published = 40;
        publish(link("L-visit", EntryLinkKind.CONFLICTING_ACCOUNTS, "Whether Child F was seen", 1, 5));
        eventually(() -> graphQl.document("{ chronology(childId: \"" + CHILD + "\") { edges { node { links { id } } } } }")
                .execute().path("chronology.edges[*].node.links[*].id").entityList(String.class).hasSize(6));
    }

    @Test
    void theDocumentsMarkEachLinkedRowAndShowEachLinksEntriesTogetherAfterTheTable() {
        ExportedFiles.Docx docx = ExportedFiles.docx(export("docx", Map.of()));
        assertThat(docx.tables()).isEqualTo(1);
        assertThat(docx.headers()).isEqualTo(Stream.concat(ExportedFiles.PANEL.stream(), Stream.of("Linked")).toList());
        assertThat(docx.rows().stream().map(row -> List.of(row.get(5), row.get(7))).toList()).containsExactly(
                List.of(CALL_OUT, "1 same occurrence; 3 accounts conflict"),
                List.of(NOTE_OF_CALL_OUT, "1 same occurrence"),
                List.of(FALL, "2 accounts conflict"),
                List.of(STAIRS, "2 accounts conflict"),
                List.of(VISIT, "3 accounts conflict"));
        assertThat(docx.paragraphs()).contains("Linked entries: 3 links of the panel: each linked row names its links"
                + " in the column Linked, and each link's entries are shown together after the table");

        List<String> after = docx.after();
        assertThat(after.get(0)).isEqualTo("Linked entries");
        List<String> expected = new ArrayList<>();
        expected.add("1. Same occurrence: The call-out and social care's note of it");
        expected.add("Link L-call-out, recorded " + LONDON.format(RECORDED.plusSeconds(21)));
        expected.add("15/03/2019 09:00  Children's Social Care  DOMESTIC_ABUSE_INCIDENT\n" + NOTE_OF_CALL_OUT);
        expected.add("14/03/2019 22:00  Police  DOMESTIC_ABUSE_INCIDENT\n" + CALL_OUT);
        expected.add("2. Accounts conflict: Two explanations of one bruise");
        expected.add("Link L-bruise, recorded " + LONDON.format(RECORDED.plusSeconds(22)));
        expected.add("02/04/2019 10:00  GP Practice  INJURY_PRESENTATION\n" + FALL);
        expected.add("03/04/2019 15:00  Children's Social Care  HOME_VISIT\n" + STAIRS);
        expected.add("3. Accounts conflict: Whether Child F was seen");
        expected.add("Link L-visit, recorded " + LONDON.format(RECORDED.plusSeconds(41)));
        expected.add("14/03/2019 22:00  Police  DOMESTIC_ABUSE_INCIDENT\n" + CALL_OUT);
        expected.add("01/05/2019 11:00  Children's Social Care  HOME_VISIT\n" + VISIT);
        assertThat(after.subList(2, after.size()).stream().map(text -> text.replaceAll("\nKnown to: .*", ""))
                .toList()).isEqualTo(expected);
        // each account on its agency's tint, as its row in the table
        String police = docx.shading().get(0);
        String socialCare = docx.shading().get(1);
        assertThat(docx.afterShading().get(4)).isEqualTo(socialCare);
        assertThat(docx.afterShading().get(5)).isEqualTo(police);
        assertThat(docx.key()).containsEntry("Police", police).containsEntry("Children's Social Care", socialCare);

        // in the order drawn, white space left out: a cell's text may wrap anywhere
        String pdf = squeezed(ExportedFiles.pdf(export("pdf", Map.of())).flat());
        int at = pdf.indexOf(squeezed("Linked entries The panel's links"));
        assertThat(pdf.indexOf(squeezed(VISIT))).as("the table before the links").isPositive().isLessThan(at);
        for (String text : List.of("1. Same occurrence: The call-out and social care's note of it",
                "(link L-call-out, recorded " + LONDON.format(RECORDED.plusSeconds(21)) + ")",
                NOTE_OF_CALL_OUT, CALL_OUT, "2. Accounts conflict: Two explanations of one bruise", FALL, STAIRS,
                "3. Accounts conflict: Whether Child F was seen", CALL_OUT, VISIT)) {
            int found = pdf.indexOf(squeezed(text), at);
            assertThat(found).as("%s after offset %d of %s", text, at, pdf).isGreaterThanOrEqualTo(at);
            at = found + squeezed(text).length();
        }
    }

    @Test
    void theWorkbookListsTheLinksOnASheetOfTheirOwnAndTheSpreadsheetsKeepTheContractsColumns() {
        byte[] body = export("xlsx", Map.of());
        ExportedFiles.Workbook workbook = ExportedFiles.xlsx(body);
        assertThat(workbook.sheets()).containsExactly("Chronology", "About", "Linked entries");
        assertThat(workbook.headers()).isEqualTo(ExportedFiles.HEADERS);
        assertThat(ExportedFiles.sheet(body, "Linked entries")).containsExactly(
                List.of("Link", "Link kind", "Link note", "Link recorded", "Entry id", "Occurred", "Agency", "Kind",
                        "Summary"),
                linked("1", "Same occurrence", "The call-out and social care's note of it", 21, 2,
                        "15/03/2019 09:00", "Children's Social Care", "DOMESTIC_ABUSE_INCIDENT", NOTE_OF_CALL_OUT),
                linked("1", "Same occurrence", "The call-out and social care's note of it", 21, 1,
                        "14/03/2019 22:00", "Police", "DOMESTIC_ABUSE_INCIDENT", CALL_OUT),
                linked("2", "Accounts conflict", "Two explanations of one bruise", 22, 3,
                        "02/04/2019 10:00", "GP Practice", "INJURY_PRESENTATION", FALL),
                linked("2", "Accounts conflict", "Two explanations of one bruise", 22, 4,
                        "03/04/2019 15:00", "Children's Social Care", "HOME_VISIT", STAIRS),
                linked("3", "Accounts conflict", "Whether Child F was seen", 41, 1,
                        "14/03/2019 22:00", "Police", "DOMESTIC_ABUSE_INCIDENT", CALL_OUT),
                linked("3", "Accounts conflict", "Whether Child F was seen", 41, 5,
                        "01/05/2019 11:00", "Children's Social Care", "HOME_VISIT", VISIT));
        assertThat(ExportedFiles.csv(export("csv", Map.of())).get(0)).isEqualTo(ExportedFiles.HEADERS);
    }

    @Test
    void aRecordAsOfAnEarlierMomentShowsOnlyTheLinksRecordedByThen() {
        ExportedFiles.Docx docx = ExportedFiles.docx(export("docx", Map.of("recordedAsOf", BEFORE_THIRD_LINK)));
        assertThat(docx.rows().stream().map(row -> row.get(7)).toList()).containsExactly(
                "1 same occurrence", "1 same occurrence", "2 accounts conflict", "2 accounts conflict", "");
        assertThat(docx.after()).noneMatch(text -> text.contains("Whether Child F was seen"));
        assertThat(ExportedFiles.sheet(export("xlsx", Map.of("recordedAsOf", BEFORE_THIRD_LINK)), "Linked entries"))
                .hasSize(5);
    }

    @Test
    void anAgencysViewShowsOnlyItsOwnEntriesOfALinkAndSaysHowManyItLeavesOut() {
        ExportedFiles.Docx docx = ExportedFiles.docx(export("docx", Map.of("knownBy", "gp-lx")));
        assertThat(docx.rows()).hasSize(1);
        assertThat(docx.rows().get(0).get(7)).isEqualTo("2 accounts conflict");
        assertThat(docx.after().subList(2, docx.after().size()).stream()
                .map(text -> text.replaceAll("\nKnown to: .*", "")).toList()).containsExactly(
                "2. Accounts conflict: Two explanations of one bruise",
                "Link L-bruise, recorded " + LONDON.format(RECORDED.plusSeconds(22)),
                "02/04/2019 10:00  GP Practice  INJURY_PRESENTATION\n" + FALL,
                "1 more of its entries is not in this view.");
        String pdf = flatten(ExportedFiles.pdf(export("pdf", Map.of("knownBy", "gp-lx"))).flat());
        assertThat(pdf).contains("1 more of its entries is not in this view.").doesNotContain(STAIRS)
                .doesNotContain("Same occurrence");
    }

    private static List<String> linked(String number, String kind, String note, int recordedSecond, int entry,
                                       String occurred, String agency, String entryKind, String summary) {
        return List.of(number, kind, note, LONDON.format(RECORDED.plusSeconds(recordedSecond)), CHILD + "/E" + entry,
                occurred, agency, entryKind, summary);
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private byte[] export(String format, Map<String, String> view) {
        StringBuilder uri = new StringBuilder("/exports/chronology?childId=" + CHILD + "&format=" + format);
        view.forEach((name, value) -> uri.append('&').append(name).append('=').append(value));
        byte[] body = web.get().uri(java.net.URI.create(uri.toString())).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try {
            Files.createDirectories(WRITTEN);
            Files.write(WRITTEN.resolve("linked-" + String.join("-", view.keySet()) + "." + format), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body;
    }

    private void publish(Object event) {
        publishChildEvent(CHILD, event, RECORDED.plusSeconds(++published));
    }

    private static EntriesLinked link(String id, EntryLinkKind kind, String note, int... entries) {
        return new EntriesLinked(CHILD, id, kind, java.util.Arrays.stream(entries).mapToObj(e -> CHILD + "/E" + e)
                .toList(), note, "reviewer-1");
    }

    private static EntryRecorded entry(int number, String agencyId, EntryKind kind, String occurredAt, String summary) {
        return new EntryRecorded(CHILD, CHILD + "/E" + number, agencyId, agencyId + "-" + number, kind,
                Instant.parse(occurredAt), DatePrecision.EXACT, Instant.parse(occurredAt), summary,
                Significance.ROUTINE, null, List.of());
    }
}
