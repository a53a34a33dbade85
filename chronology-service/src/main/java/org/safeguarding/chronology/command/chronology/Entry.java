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
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;

/**
 * One entry of a child's chronology as the record now stands (state of the ChildCase aggregate).
 *
 * @param firstSubmission digest of what was first submitted under the entry's idempotency key; a digest rather
 *                        than a copy keeps snapshots of long cases small
 * @param recordedAt      when the current version, or the retraction, was recorded
 * @param sharedWith      agency id to the earliest sharedAt of an accepted share of this entry to that agency
 * @param escalatedTo     of the entry, not of a version: a correction cannot change it (nor respondsTo)
 */
public record Entry(String id, String agencyId, String firstSubmission, Instant firstRecordedAt, int version,
                    Instant recordedAt, EntryKind kind, Instant occurredAt, DatePrecision occurredAtPrecision,
                    Instant knownAt, String summary, Significance significance, boolean retracted,
                    Map<String, Instant> sharedWith, List<Concern> concerns, ThresholdDecision thresholdDecision,
                    List<PlanAction> actions, String escalatedTo, String respondsTo)
        implements RepeatableRecord<RecordEntry> {

    /** A snapshot taken before precisions existed has none: its dates were exact; likewise no concerns or actions. */
    public Entry {
        occurredAtPrecision = Objects.requireNonNullElse(occurredAtPrecision, DatePrecision.EXACT);
        concerns = Concern.stored(concerns);
        actions = PlanAction.stored(actions);
    }

    /** The event with which a recordEntry creates the entry of the given id. */
    public static EntryRecorded recordedBy(RecordEntry command, String entryId) {
        return new EntryRecorded(command.childId(), entryId, command.agencyId(), command.sourceRef(), command.kind(),
                command.occurredAt(), command.occurredAtPrecision(), command.knownAt(), command.summary(),
                command.significance(), command.professional(), command.personIds().stream().distinct().toList(),
                command.concerns(), command.thresholdDecision(), command.actions(), command.escalatedTo(),
                command.respondsTo());
    }

    public static Entry recorded(EntryRecorded event, Instant recordedAt) {
        return new Entry(event.entryId(), event.agencyId(), digest(event), recordedAt, 1, recordedAt, event.kind(),
                event.occurredAt(), event.occurredAtPrecision(), event.knownAt(), event.summary(),
                event.significance(), false, Map.of(), event.concerns(), event.thresholdDecision(), event.actions(),
                event.escalatedTo(), event.respondsTo());
    }

    /** Whether a recordEntry under this entry's key repeats the first submission exactly, in its stored form. */
    @Override
    public boolean isRepeatedBy(RecordEntry command) {
        return firstSubmission.equals(digest(recordedBy(command, id)));
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
                command.reason(),
                Objects.requireNonNullElse(command.concerns(), concerns),
                command.thresholdDecision() != null ? command.thresholdDecision() : thresholdDecision,
                Objects.requireNonNullElse(command.actions(), actions));
    }

    public boolean isCurrentVersion(EntryCorrected next) {
        return next.kind() == kind && next.occurredAt().equals(occurredAt)
                && next.occurredAtPrecision() == occurredAtPrecision && next.knownAt().equals(knownAt)
                && next.summary().equals(summary) && next.significance() == significance
                && next.concerns().equals(concerns) && next.thresholdDecision() == thresholdDecision
                && next.actions().equals(actions);
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
                event.significance(), false, sharedWith, event.concerns(), event.thresholdDecision(), event.actions(),
                escalatedTo, respondsTo);
    }

    public Entry with(EntryRetracted event, Instant recordedAt) {
        return new Entry(id, agencyId, firstSubmission, firstRecordedAt, event.version(), recordedAt, kind,
                occurredAt, occurredAtPrecision, knownAt, summary, significance, true, sharedWith, concerns,
                thresholdDecision, actions, escalatedTo, respondsTo);
    }

    public Entry withShareTo(String agency, Instant sharedAt) {
        Instant earlier = sharedWith.get(agency);
        if (earlier != null && !earlier.isAfter(sharedAt)) {
            return this;
        }
        Map<String, Instant> shares = new HashMap<>(sharedWith);
        shares.put(agency, sharedAt);
        return new Entry(id, agencyId, firstSubmission, firstRecordedAt, version, recordedAt, kind, occurredAt,
                occurredAtPrecision, knownAt, summary, significance, retracted, Map.copyOf(shares), concerns,
                thresholdDecision, actions, escalatedTo, respondsTo);
    }

    /**
     * SHA-256 of the submitted content: each part length-prefixed, personIds as a sorted set. An exact occurredAt
     * is digested alone, as before precisions existed, and the fields of the practice patterns only when given,
     * after an empty part (no personId is empty), so the digests of earlier entries still match.
     */
    static String digest(EntryRecorded entry) {
        String occurred = entry.occurredAtPrecision() == null || entry.occurredAtPrecision() == DatePrecision.EXACT
                ? String.valueOf(entry.occurredAt()) : entry.occurredAt() + " " + entry.occurredAtPrecision();
        List<String> parts = new ArrayList<>(List.of(String.valueOf(entry.kind()), occurred,
                String.valueOf(entry.knownAt()), String.valueOf(entry.summary()), String.valueOf(entry.significance()),
                optional(entry.professional())));
        parts.addAll(new TreeSet<>(entry.personIds()));
        List<String> patternFields = patternFields(entry);
        if (!patternFields.isEmpty()) {
            parts.add("");
            parts.addAll(patternFields);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            parts.forEach(part -> sha256.update((part.length() + ":" + part).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Each field given, named; an action as its four parts. */
    private static List<String> patternFields(EntryRecorded entry) {
        List<String> parts = new ArrayList<>();
        if (!entry.concerns().isEmpty()) {
            parts.add("concerns " + entry.concerns());
        }
        if (entry.thresholdDecision() != null) {
            parts.add("thresholdDecision " + entry.thresholdDecision());
        }
        if (!entry.actions().isEmpty()) {
            parts.add("actions " + entry.actions().size());
            for (PlanAction action : entry.actions()) {
                parts.addAll(List.of(action.what(), optional(action.ownerAgencyId()),
                        optional(action.dueBy() == null ? null : action.dueBy().toString()),
                        optional(action.contingency())));
            }
        }
        if (entry.escalatedTo() != null) {
            parts.add("escalatedTo " + entry.escalatedTo());
        }
        if (entry.respondsTo() != null) {
            parts.add("respondsTo " + entry.respondsTo());
        }
        return parts;
    }

    private static String optional(String value) {
        return value == null ? "-" : "+" + value;
    }
}
