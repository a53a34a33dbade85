package org.safeguarding.chronology.query.chronology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.rejection.RejectedException;

/**
 * A position in a chronology: the sort key of an edge (occurredAt, knownAt, entry id), base64url-encoded.
 * Paging after it stays stable when entries are added or leave the chronology meanwhile.
 */
record Cursor(Instant occurredAt, Instant knownAt, String entryId) implements Comparable<Cursor> {

    /** The contract's order (rule 5); entry ids compare as plain strings. */
    static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::occurredAt)
            .thenComparing(Cursor::knownAt)
            .thenComparing(Cursor::entryId);

    static Cursor of(ChronologyEntryView entry) {
        return new Cursor(entry.occurredAt(), entry.knownAt(), entry.id());
    }

    static Cursor decode(String after) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", 3);
            if (key.length == 3 && !key[2].isEmpty()) {
                return new Cursor(Instant.parse(key[0]), Instant.parse(key[1]), key[2]);
            }
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            // answered below
        }
        throw RejectedException.badRequest("after is not a cursor of this chronology: " + after);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((occurredAt + "|" + knownAt + "|" + entryId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int compareTo(Cursor other) {
        return ORDER.compare(this, other);
    }
}
