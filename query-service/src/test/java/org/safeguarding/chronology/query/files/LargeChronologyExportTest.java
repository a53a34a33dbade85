package org.safeguarding.chronology.query.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A chronology of 10,000 entries exports whole in every format: every entry once, in the chronology's order. */
class LargeChronologyExportTest extends QueryServiceTestBase {

    private static final String CHILD = "child-export-large";
    /** Four pages of the export's reads, twenty of the PDF's flushes; 10,000 entries are the bench's (./bench.sh --files). */
    private static final int ENTRIES = 2_000;
    private static final String[] AGENCIES = {"police-large", "hv-large", "school-large"};
    private static final Pattern SUMMARY = Pattern.compile("Contact number (\\d{5})");

    @Autowired
    WebTestClient web;

    @Test
    void aLargeChronologyExportsWholeInEveryFormat() {
        record();
        List<String> ids = ExportedFiles.graphQlRows(graphQl, CHILD, Map.of()).stream().map(row -> row.get(0))
                .toList();
        assertThat(ids).hasSize(ENTRIES);

        List<List<String>> csv = ExportedFiles.csv(export("csv"));
        assertThat(csv).hasSize(ENTRIES + 1);
        assertThat(csv.subList(1, csv.size()).stream().map(row -> row.get(0)).toList()).isEqualTo(ids);

        ExportedFiles.Workbook xlsx = ExportedFiles.xlsx(export("xlsx"));
        assertThat(xlsx.rows().stream().map(row -> row.get(0)).toList()).isEqualTo(ids);

        ExportedFiles.Docx docx = ExportedFiles.docx(export("docx"));
        assertThat(docx.rows()).hasSize(ENTRIES);
        assertThat(docx.rows().stream().map(row -> number(row.get(5))).toList()).isEqualTo(numbers(ids));

        ExportedFiles.Pdf pdf = ExportedFiles.pdf(export("pdf"));
        List<String> drawn = new ArrayList<>();
        Matcher matcher = SUMMARY.matcher(String.join("\n", pdf.pageTexts()));
        while (matcher.find()) {
            drawn.add(matcher.group(1));
        }
        assertThat(drawn).isEqualTo(numbers(ids));
        assertThat(pdf.pages()).isGreaterThan(50);
        for (int page = 0; page < pdf.pages(); page++) {
            assertThat(ExportedFiles.flatten(pdf.pageTexts().get(page))).as("the table's header on page %d", page + 1)
                    .contains("Occurred Child's age Since previous Agency Kind Summary Known to");
        }
        assertThat(ExportedFiles.flatten(pdf.pageTexts().get(pdf.pages() - 1)))
                .contains("Page " + pdf.pages() + " of " + pdf.pages());
    }

    /** The child, then its entries in one append: entry n by agency n % 3, 37 minutes after entry n - 1. */
    private void record() {
        for (String agency : AGENCIES) {
            registerAgency(new AgencyRegistered(agency, agency.replace("-large", "").toUpperCase(), Sector.OTHER));
        }
        Instant recorded = Instant.parse("2020-01-01T00:00:00Z");
        Instant first = Instant.parse("2015-01-01T08:00:00Z");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event(0, new ChildRegistered(CHILD, "Child L", LocalDate.parse("2014-06-01")), recorded));
        for (int n = 1; n <= ENTRIES; n++) {
            Instant occurred = first.plus(Duration.ofMinutes(37L * n));
            events.add(event(n, new EntryRecorded(CHILD, ChildIds.entryId(CHILD, n), AGENCIES[n % 3], "REF-" + n,
                    EntryKind.CONTACT, occurred, DatePrecision.EXACT, occurred,
                    String.format("Contact number %05d, Mother seen, \"all well\"", n), Significance.ROUTINE,
                    "Officer " + (n % 7), List.of()), recorded.plusMillis(n)));
        }
        for (int from = 0; from < events.size(); from += 1_000) {
            eventStore.publish(events.subList(from, Math.min(events.size(), from + 1_000)));
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (graphQl.documentName("exportedChronology").variable("childId", CHILD).execute()
                .path("chronology.totalCount").entity(Integer.class).get() < ENTRIES) {
            assertThat(Instant.now()).as("the entries projected").isBefore(deadline);
            sleep();
        }
    }

    private static DomainEventMessage<?> event(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Child", ChildIds.aggregateId(CHILD), sequence, payload,
                MetaData.emptyInstance(), IdentifierFactory.getInstance().generateIdentifier(), at);
    }

    private byte[] export(String format) {
        return web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024))
                .responseTimeout(Duration.ofMinutes(5)).build()
                .get().uri("/exports/chronology?childId={c}&format={f}", CHILD, format).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** The entries' numbers, from their ids, as the summaries write them (00017). */
    private static List<String> numbers(List<String> ids) {
        return ids.stream().map(id -> String.format("%05d", ChildIds.entryNumber(id))).toList();
    }

    private static String number(String summary) {
        Matcher matcher = SUMMARY.matcher(summary);
        assertThat(matcher.find()).as(summary).isTrue();
        return matcher.group(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
