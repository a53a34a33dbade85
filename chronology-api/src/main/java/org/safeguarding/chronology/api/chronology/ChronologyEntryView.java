package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.sharing.SharingChannel;

public record ChronologyEntryView(String id, String childId, String agencyId, String sourceRef, EntryKind kind,
                                  Instant occurredAt, Instant knownAt, Instant recordedAt, String summary,
                                  Significance significance, String professional, int version,
                                  List<Knowledge> knownTo, List<Version> history) {

    /** What one agency knew of the entry, since when and how. */
    public record Knowledge(String agencyId, Instant since, KnowledgeSource how, SharingChannel channel) {
    }

    public record Version(int version, Instant recordedAt, Instant occurredAt, Instant knownAt, EntryKind kind,
                          String summary, Significance significance, String reason, boolean retracted) {
    }
}
