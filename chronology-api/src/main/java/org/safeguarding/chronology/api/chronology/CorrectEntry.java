package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A field left null keeps its current value; an empty concerns or actions list is the same as null. */
public record CorrectEntry(String childId, String entryId, String agencyId, Instant occurredAt,
                           DatePrecision occurredAtPrecision, Instant knownAt, EntryKind kind, String summary,
                           Significance significance, String reason, List<Concern> concerns,
                           ThresholdDecision thresholdDecision, List<PlanAction> actions) {

    public CorrectEntry {
        concerns = concerns == null || concerns.isEmpty() ? null : Concern.stored(concerns);
        actions = actions == null || actions.isEmpty() ? null : List.copyOf(actions);
    }

    /** A correction of the fields the practice patterns do not read. */
    public CorrectEntry(String childId, String entryId, String agencyId, Instant occurredAt,
                        DatePrecision occurredAtPrecision, Instant knownAt, EntryKind kind, String summary,
                        Significance significance, String reason) {
        this(childId, entryId, agencyId, occurredAt, occurredAtPrecision, knownAt, kind, summary, significance,
                reason, null, null, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
