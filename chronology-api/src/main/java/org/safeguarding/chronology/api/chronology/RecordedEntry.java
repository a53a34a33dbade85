package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * Everything recorded about one chronology entry, at any time: its versions (oldest first) and the shares
 * that name it. What the record showed at a given instant is {@link EntryAsOf}'s business.
 */
public record RecordedEntry(String id, String childId, long number, String agencyId, String sourceRef,
                            String professional, List<String> personIds, List<Version> versions,
                            List<Share> shares) {

    /** A version as stored: a retraction carries only its reason, not the fields it withdraws. */
    public record Version(int number, Instant recordedAt, Instant occurredAt, DatePrecision occurredAtPrecision,
                          Instant knownAt, EntryKind kind, String summary, Significance significance, String reason,
                          boolean retracted) {
    }

    public record Share(String sharingId, String fromAgencyId, String toAgencyId, Instant sharedAt,
                        SharingChannel channel, Instant recordedAt) {
    }
}
