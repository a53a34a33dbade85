package org.safeguarding.chronology.query.files;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a document's title block says: whose chronology, which view of it (whose knowledge, known by when, the record
 * as of when) and when and by whom it was made.
 *
 * @param knownBy       the name of the agency whose knowledge is shown; null for every agency's
 * @param knownAt       null: whatever was known, whenever
 * @param recordedAsOf  the record as it stood then; the moment the export was made when none was asked
 * @param entries       the view's entries
 * @param key           the agencies whose rows are coloured, in the key's order
 * @param links         the panel's links recorded by recordedAsOf
 */
record ExportView(String child, String knownBy, Instant knownAt, Instant recordedAsOf, boolean recordedAsOfAsked,
                  Instant madeAt, String madeBy, int entries, List<KeyAgency> key, int links) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(LONDON);

    record Line(String label, String text) {
    }

    record KeyAgency(String id, String name) {
    }

    String title() {
        return "Chronology of " + child;
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("Whose knowledge", knownBy == null ? "every agency" : knownBy),
                new Line("Known by", knownAt == null ? "any time" : TIME.format(knownAt)),
                new Line("Record as of", TIME.format(recordedAsOf) + (recordedAsOfAsked ? "" : ", when made")),
                new Line("Made", TIME.format(madeAt) + " by " + madeBy),
                new Line("Entries", String.valueOf(entries)),
                new Line("Times", "Occurred as the agencies recorded it, in UTC; all other times in Europe/London")));
        if (links > 0) {
            lines.add(new Line("Linked entries", links + (links == 1 ? " link" : " links")
                    + " of the panel: each linked row names its links in the column Linked, and each link's entries"
                    + " are shown together after the table"));
        }
        return lines;
    }

    /** "14/03/2019 22:00", in Europe/London. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The page footer's words beside the page number. */
    String footer() {
        return title() + ", record as of " + TIME.format(recordedAsOf);
    }
}
