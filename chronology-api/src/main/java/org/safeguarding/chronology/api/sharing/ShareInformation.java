package org.safeguarding.chronology.api.sharing;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.child.ChildIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** (childId, fromAgencyId, sourceRef) is the idempotency key. */
public record ShareInformation(String childId, String fromAgencyId, String toAgencyId, List<String> entryIds,
                               Instant sharedAt, SharingChannel channel, String sourceRef) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
