package org.safeguarding.chronology.query.files;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ReviewerColumns;

/**
 * One entry as an export writes it: the chronology's own columns as text, as GraphQL answers them (null where the
 * entry has none).
 */
record ExportRow(String entryId, String occurred, String childAge, String agencyId, String agency, String sourceRef,
                 String kind, String summary, String significance, String professional, String knownTo,
                 String sincePrevious, int version, String links) {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/London"));

    /** The spreadsheets' columns in the contract's order; panelShare: the column's share of a document's width. */
    enum Column {
        ENTRY_ID("Entry id", ExportRow::entryId, 0),
        OCCURRED("Occurred", ExportRow::occurred, 10),
        CHILDS_AGE("Child's age", ExportRow::childAge, 9),
        AGENCY("Agency", ExportRow::agency, 12),
        SOURCE_REF("Source ref", ExportRow::sourceRef, 0),
        KIND("Kind", ExportRow::kind, 13),
        SUMMARY("Summary", ExportRow::summary, 28),
        SIGNIFICANCE("Significance", ExportRow::significance, 0),
        PROFESSIONAL("Professional", ExportRow::professional, 0),
        KNOWN_TO("Known to", ExportRow::knownTo, 19),
        SINCE_PREVIOUS("Since previous", ExportRow::sincePrevious, 9),
        VERSION("Version", row -> String.valueOf(row.version()), 0),
        LINKED("Linked", ExportRow::links, 9);

        /** The spreadsheets' columns, exactly the contract's. */
        static final List<Column> SPREADSHEET = List.of(ENTRY_ID, OCCURRED, CHILDS_AGE, AGENCY, SOURCE_REF, KIND,
                SUMMARY, SIGNIFICANCE, PROFESSIONAL, KNOWN_TO, SINCE_PREVIOUS, VERSION);
        /** What a panel reads in a DOCX or PDF: the date, the child's age and the gap first, then who and what. */
        static final List<Column> PANEL = List.of(OCCURRED, CHILDS_AGE, SINCE_PREVIOUS, AGENCY, KIND, SUMMARY,
                KNOWN_TO);
        private static final List<Column> PANEL_LINKED = Stream.concat(PANEL.stream(),
                Stream.of(LINKED)).toList();

        /** The panel's columns, and the links' numbers last when the record has links. */
        static List<Column> panel(ExportView view) {
            return view.links() > 0 ? PANEL_LINKED : PANEL;
        }

        final String header;
        final int panelShare;
        private final Function<ExportRow, String> value;

        Column(String header, Function<ExportRow, String> value, int panelShare) {
            this.header = header;
            this.value = value;
            this.panelShare = panelShare;
        }

        /** The row's text in this column, or null. */
        String of(ExportRow row) {
            return value.apply(row);
        }
    }

    /** The entry's row; dateOfBirth null leaves the child's age out. */
    static ExportRow of(ChronologyEntryView entry, LocalDate dateOfBirth, AgencyNames agencies, LinkedGroups linked) {
        return new ExportRow(entry.id(), ReviewerColumns.occurredAtText(entry.occurredAt(), entry.occurredAtPrecision()),
                dateOfBirth == null ? null
                        : ReviewerColumns.childAge(dateOfBirth, entry.occurredAt(), entry.occurredAtPrecision()),
                entry.agencyId(), agencies.name(entry.agencyId()), entry.sourceRef(), entry.kind().name(),
                entry.summary(), entry.significance().name(), entry.professional(), knownTo(entry, agencies),
                entry.previousOccurredAt() == null ? null
                        : ReviewerColumns.interval(entry.previousOccurredAt(), entry.occurredAt()),
                entry.version(), linked.of(entry.id()));
    }

    /** The agencies an entry names: its own and those that knew it. */
    static Stream<String> agencyIds(ChronologyEntryView entry) {
        return Stream.concat(Stream.of(entry.agencyId()),
                entry.knownTo().stream().map(ChronologyEntryView.Knowledge::agencyId));
    }

    /** "Police (14/03/2007, SHARED VERBAL); GP Practice (01/02/2019, OWN_RECORD)": how is the knowledge's source,
     *  then its channel for a share. */
    private static String knownTo(ChronologyEntryView entry, AgencyNames agencies) {
        return entry.knownTo().stream()
                .map(known -> agencies.name(known.agencyId()) + " (" + SINCE.format(known.since()) + ", "
                        + known.how() + (known.channel() == null ? "" : " " + known.channel()) + ")")
                .collect(Collectors.joining("; "));
    }
}
