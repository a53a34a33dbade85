package org.safeguarding.chronology.api.chronology;

import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractEntry(String childId, String entryId, String agencyId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
