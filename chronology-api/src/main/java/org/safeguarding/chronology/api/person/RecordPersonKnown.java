package org.safeguarding.chronology.api.person;

import java.time.Instant;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency knows a person in the child's life. (childId, agencyId, sourceRef) is the idempotency key. */
public record RecordPersonKnown(String childId, String agencyId, String personId, PersonRole role, Sex sex,
                                boolean livesWithChild, Instant knownAt, String sourceRef) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
