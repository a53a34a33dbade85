package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A field left null keeps its current value. */
public record CorrectEntry(String childId, String entryId, String agencyId, Instant occurredAt,
                           DatePrecision occurredAtPrecision, Instant knownAt, EntryKind kind, String summary,
                           Significance significance, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
