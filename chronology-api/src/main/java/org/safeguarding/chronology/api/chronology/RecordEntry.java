package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * (childId, agencyId, sourceRef) is the idempotency key. personIds name the persons the entry concerns;
 * occurredAtPrecision null means EXACT.
 */
public record RecordEntry(String childId, String agencyId, String sourceRef, EntryKind kind, Instant occurredAt,
                          DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                          Significance significance, String professional, List<String> personIds) {

    public RecordEntry {
        occurredAtPrecision = occurredAtPrecision == null ? DatePrecision.EXACT : occurredAtPrecision;
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
