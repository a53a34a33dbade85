package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Version 1 of a chronology entry. The event's own timestamp is the entry's recordedAt. Revision 2 added
 * occurredAtPrecision (revision 1 is upcast with EXACT); revision 3 added concerns, thresholdDecision, actions,
 * escalatedTo and respondsTo (revision 2 is upcast with none).
 */
@Revision("3")
public record EntryRecorded(String childId, String entryId, String agencyId, String sourceRef, EntryKind kind,
                            Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                            Significance significance, String professional, List<String> personIds,
                            List<Concern> concerns, ThresholdDecision thresholdDecision, List<PlanAction> actions,
                            String escalatedTo, String respondsTo) {

    public EntryRecorded {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        concerns = Concern.stored(concerns);
        actions = PlanAction.stored(actions);
    }

    /** An entry without the fields of the practice patterns. */
    public EntryRecorded(String childId, String entryId, String agencyId, String sourceRef, EntryKind kind,
                         Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                         Significance significance, String professional, List<String> personIds) {
        this(childId, entryId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision, knownAt, summary,
                significance, professional, personIds, List.of(), null, List.of(), null, null);
    }
}
