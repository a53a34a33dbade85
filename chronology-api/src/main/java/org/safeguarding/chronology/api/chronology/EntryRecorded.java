package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Version 1 of a chronology entry. The event's own timestamp is the entry's recordedAt. Revision 2 added
 * occurredAtPrecision (revision 1 is upcast with EXACT).
 */
@Revision("2")
public record EntryRecorded(String childId, String entryId, String agencyId, String sourceRef, EntryKind kind,
                            Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                            Significance significance, String professional, List<String> personIds) {

    public EntryRecorded {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
}
