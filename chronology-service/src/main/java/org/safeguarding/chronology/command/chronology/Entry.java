package org.safeguarding.chronology.command.chronology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.safeguarding.chronology.command.child.RepeatableRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;

/**
 * One entry of a child's chronology as the record now stands (state of the ChildCase aggregate).
 *
 * @param firstSubmission digest of what was first submitted under the entry's idempotency key; a digest rather
 *                        than a copy keeps snapshots of long cases small
 * @param recordedAt      when the current version, or the retraction, was recorded
 * @param sharedWith      agency id to the earliest sharedAt of an accepted share of this entry to that agency
 */
public record Entry(String id, String agencyId, String firstSubmission, Instant firstRecordedAt, int version,
                    Instant recordedAt, EntryKind kind, Instant occurredAt, DatePrecision occurredAtPrecision,
                    Instant knownAt, String summary, Significance significance, boolean retracted,
                    Map<String, Instant> sharedWith) implements RepeatableRecord<RecordEntry> {

    /** A snapshot taken before precisions existed has none: its dates were exact. */
    public Entry {
        occurredAtPrecision = Objects.requireNonNullElse(occurredAtPrecision, DatePrecision.EXACT);
    }

    public static Entry recorded(EntryRecorded event, Instant recordedAt) {
        String digest = digest(event.kind(), event.occurredAt(), event.occurredAtPrecision(), event.knownAt(),
                event.summary(), event.significance(), event.professional(), event.personIds());
        return new Entry(event.entryId(), event.agencyId(), digest, recordedAt, 1, recordedAt, event.kind(),
                event.occurredAt(), event.occurredAtPrecision(), event.knownAt(), event.summary(),
                event.significance(), false, Map.of());
    }

    /** Whether a recordEntry under this entry's key repeats the first submission exactly. */
    @Override
    public boolean isRepeatedBy(RecordEntry command) {
        return firstSubmission.equals(digest(command.kind(), command.occurredAt(), command.occurredAtPrecision(),
                command.knownAt(), command.summary(), command.significance(), command.professional(),
                command.personIds()));
    }

    /** The next version: the fields the correction gives, the current value of the others. */
    public EntryCorrected correctedBy(String childId, CorrectEntry command) {
        return new EntryCorrected(childId, id, agencyId, version + 1,
                Objects.requireNonNullElse(command.kind(), kind),
                Objects.requireNonNullElse(command.occurredAt(), occurredAt),
                Objects.requireNonNullElse(command.occurredAtPrecision(), occurredAtPrecision),
                Objects.requireNonNullElse(command.knownAt(), knownAt),
                Objects.requireNonNullElse(command.summary(), summary),
                Objects.requireNonNullElse(command.significance(), significance),
                command.reason());
    }

    public boolean isCurrentVersion(EntryCorrected next) {
        return next.kind() == kind && next.occurredAt().equals(occurredAt)
                && next.occurredAtPrecision() == occurredAtPrecision && next.knownAt().equals(knownAt)
                && next.summary().equals(summary) && next.significance() == significance;
    }

    /** Whether the agency knew this entry at the instant: as its own record, or from a share to it. */
    public boolean isKnownBy(String agency, Instant at) {
        if (agency.equals(agencyId) && !knownAt.isAfter(at)) {
            return true;
        }
        Instant sharedAt = sharedWith.get(agency);
        return sharedAt != null && !sharedAt.isAfter(at);
    }

    public Entry with(EntryCorrected event, Instant recordedAt) {
        return new Entry(id, agencyId, firstSubmission, firstRecordedAt, event.version(), recordedAt, event.kind(),
                event.occurredAt(), event.occurredAtPrecision(), event.knownAt(), event.summary(),
                event.significance(), false, sharedWith);
    }

    public Entry with(EntryRetracted event, Instant recordedAt) {
        return new Entry(id, agencyId, firstSubmission, firstRecordedAt, event.version(), recordedAt, kind,
                occurredAt, occurredAtPrecision, knownAt, summary, significance, true, sharedWith);
    }

    public Entry withShareTo(String agency, Instant sharedAt) {
        Instant earlier = sharedWith.get(agency);
        if (earlier != null && !earlier.isAfter(sharedAt)) {
            return this;
        }
        Map<String, Instant> shares = new HashMap<>(sharedWith);
        shares.put(agency, sharedAt);
        return new Entry(id, agencyId, firstSubmission, firstRecordedAt, version, recordedAt, kind, occurredAt,
                occurredAtPrecision, knownAt, summary, significance, retracted, Map.copyOf(shares));
    }

    /**
     * SHA-256 of the submitted content: each part length-prefixed, personIds as a sorted set. An exact occurredAt
     * is digested alone, as before precisions existed, so the digests of earlier entries still match.
     */
    static String digest(EntryKind kind, Instant occurredAt, DatePrecision precision, Instant knownAt,
                         String summary, Significance significance, String professional, List<String> personIds) {
        String occurred = precision == null || precision == DatePrecision.EXACT
                ? String.valueOf(occurredAt) : occurredAt + " " + precision;
        List<String> parts = new ArrayList<>(List.of(String.valueOf(kind), occurred, String.valueOf(knownAt),
                String.valueOf(summary), String.valueOf(significance),
                professional == null ? "-" : "+" + professional));
        parts.addAll(new TreeSet<>(personIds == null ? List.of() : personIds));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            parts.forEach(part -> sha256.update((part.length() + ":" + part).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
