package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * Everything recorded about one chronology entry, at any time: its versions (oldest first) and the shares
 * that name it. What the record showed at a given instant is {@link EntryAsOf}'s business.
 */
public record RecordedEntry(String id, String childId, long number, String agencyId, String sourceRef,
                            String professional, List<String> personIds, String escalatedTo, String respondsTo,
                            List<Version> versions, List<Share> shares) {

    /** A version as stored: a retraction carries only its reason, not the fields it withdraws. */
    public record Version(int number, Instant recordedAt, Instant occurredAt, DatePrecision occurredAtPrecision,
                          Instant knownAt, EntryKind kind, String summary, Significance significance, String reason,
                          boolean retracted, List<Concern> concerns, ThresholdDecision thresholdDecision,
                          List<PlanAction> actions) {

        public Version {
            concerns = Concern.stored(concerns);
            actions = PlanAction.stored(actions);
        }

        /** Version 1, as the event recorded it. */
        public static Version of(EntryRecorded event, Instant recordedAt) {
            return new Version(1, recordedAt, event.occurredAt(), event.occurredAtPrecision(), event.knownAt(),
                    event.kind(), event.summary(), event.significance(), null, false, event.concerns(),
                    event.thresholdDecision(), event.actions());
        }

        public static Version of(EntryCorrected event, Instant recordedAt) {
            return new Version(event.version(), recordedAt, event.occurredAt(), event.occurredAtPrecision(),
                    event.knownAt(), event.kind(), event.summary(), event.significance(), event.reason(), false,
                    event.concerns(), event.thresholdDecision(), event.actions());
        }

        public static Version of(EntryRetracted event, Instant recordedAt) {
            return new Version(event.version(), recordedAt, null, null, null, null, null, null, event.reason(), true,
                    List.of(), null, List.of());
        }
    }

    public record Share(String sharingId, String fromAgencyId, String toAgencyId, Instant sharedAt,
                        SharingChannel channel, Instant recordedAt) {
    }
}
