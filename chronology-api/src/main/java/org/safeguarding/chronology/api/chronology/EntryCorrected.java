package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The next version of an entry, with every field as it now stands. Revision 2 added occurredAtPrecision
 * (revision 1 is upcast with EXACT).
 */
@Revision("2")
public record EntryCorrected(String childId, String entryId, String agencyId, int version, EntryKind kind,
                             Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt, String summary,
                             Significance significance, String reason) {
}
