package org.safeguarding.chronology.api.child;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterChild(String childId, String displayName, LocalDate dateOfBirth) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
