package org.safeguarding.chronology.api.links;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.chronology.api.child.ChildIds;

/**
 * Links entries of a child: at least two distinct entries, kept in the order given. (childId, linkId) is the
 * idempotency key; entryIds are compared as a set.
 */
public record LinkEntries(String childId, String linkId, EntryLinkKind kind, List<String> entryIds, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }
}
