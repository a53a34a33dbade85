package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** (childId, agencyId, sourceRef) is the idempotency key. */
public record RecordEntry(String childId, String agencyId, String sourceRef, EntryKind kind, Instant occurredAt,
                          Instant knownAt, String summary, Significance significance, String professional,
                          List<String> personIds) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
