package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The next version of an entry, with every field as it now stands. Revision 2 added occurredAtPrecision
 * (revision 1 is upcast with EXACT); revision 3 added concerns, thresholdDecision and actions (revision 2 is
 * upcast with none).
 */
@Revision("3")
public record EntryCorrected(String childId, String entryId, String agencyId, int version, EntryKind kind,
                             Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                             Significance significance, String reason, List<Concern> concerns,
                             ThresholdDecision thresholdDecision, List<PlanAction> actions) {

    public EntryCorrected {
        concerns = Concern.stored(concerns);
        actions = PlanAction.stored(actions);
    }

    /** A version without the fields of the practice patterns. */
    public EntryCorrected(String childId, String entryId, String agencyId, int version, EntryKind kind,
                          Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                          Significance significance, String reason) {
        this(childId, entryId, agencyId, version, kind, occurredAt, occurredAtPrecision, knownAt, summary,
                significance, reason, List.of(), null, List.of());
    }
}
