package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * (childId, agencyId, sourceRef) is the idempotency key. personIds name the persons the entry concerns;
 * occurredAtPrecision null means EXACT. concerns are kept distinct in enum order, actions as given (none for
 * null); escalatedTo is the agency an ESCALATION challenges, respondsTo the ESCALATION entry this answers.
 */
public record RecordEntry(String childId, String agencyId, String sourceRef, EntryKind kind, Instant occurredAt,
                          DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                          Significance significance, String professional, List<String> personIds,
                          List<Concern> concerns, ThresholdDecision thresholdDecision, List<PlanAction> actions,
                          String escalatedTo, String respondsTo) {

    public RecordEntry {
        occurredAtPrecision = occurredAtPrecision == null ? DatePrecision.EXACT : occurredAtPrecision;
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        concerns = Concern.stored(concerns);
        actions = PlanAction.stored(actions);
    }

    /** An entry without the fields of the practice patterns. */
    public RecordEntry(String childId, String agencyId, String sourceRef, EntryKind kind, Instant occurredAt,
                       DatePrecision occurredAtPrecision, Instant knownAt, String summary, Significance significance,
                       String professional, List<String> personIds) {
        this(childId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision, knownAt, summary, significance,
                professional, personIds, List.of(), null, List.of(), null, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
