package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * Child events as the chronology service stores them: a payload, the event's own timestamp (its recordedAt)
 * and the child aggregate's sequence number. Keeps the numbering of entries, versions and sharings.
 */
final class Story {

    record Event(Object payload, Instant recordedAt, long sequence) {
        String childId() {
            if (payload instanceof EntryRecorded e) {
                return e.childId();
            } else if (payload instanceof EntryCorrected e) {
                return e.childId();
            } else if (payload instanceof EntryRetracted e) {
                return e.childId();
            }
            return ((InformationShared) payload).childId();
        }
    }

    final List<Event> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, Integer> sharings = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, EntryCorrected> current = new HashMap<>();

    String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                  Instant occurredAt, Instant knownAt, String summary, String professional) {
        return record(recordedAt, childId, agencyId, sourceRef, kind, occurredAt, knownAt, summary,
                Significance.ROUTINE, professional);
    }

    String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                  Instant occurredAt, Instant knownAt, String summary, Significance significance,
                  String professional) {
        String entryId = ChildIds.entryId(childId, entries.merge(childId, 1, Integer::sum));
        add(new EntryRecorded(childId, entryId, agencyId, sourceRef, kind, occurredAt, knownAt, summary,
                significance, professional, List.of()), recordedAt);
        versions.put(entryId, 1);
        current.put(entryId, new EntryCorrected(childId, entryId, agencyId, 1, kind, occurredAt, knownAt, summary,
                significance, null));
        return entryId;
    }

    String record(Instant recordedAt, String childId, String agencyId, Instant occurredAt, Instant knownAt) {
        return record(recordedAt, childId, agencyId, "REF-" + events.size(), EntryKind.CONTACT, occurredAt, knownAt,
                "Contact with Mother", "Officer " + events.size());
    }

    /** A correction of occurredAt and knownAt (null keeps the value) and of the summary. */
    void correct(Instant recordedAt, String entryId, Instant occurredAt, Instant knownAt, String summary,
                 String reason) {
        correct(recordedAt, entryId, occurredAt, knownAt, null, summary, null, reason);
    }

    /** A correction: each field left null keeps its value. */
    void correct(Instant recordedAt, String entryId, Instant occurredAt, Instant knownAt, EntryKind kind,
                 String summary, Significance significance, String reason) {
        EntryCorrected was = current.get(entryId);
        int version = versions.merge(entryId, 1, Integer::sum);
        EntryCorrected now = new EntryCorrected(was.childId(), entryId, was.agencyId(), version,
                kind == null ? was.kind() : kind, occurredAt == null ? was.occurredAt() : occurredAt,
                knownAt == null ? was.knownAt() : knownAt, summary == null ? was.summary() : summary,
                significance == null ? was.significance() : significance, reason);
        current.put(entryId, now);
        add(now, recordedAt);
    }

    /** The entry's fields as they now stand (a correction event holds them all). */
    EntryCorrected current(String entryId) {
        return current.get(entryId);
    }

    void retract(Instant recordedAt, String entryId, String reason) {
        EntryCorrected was = current.get(entryId);
        add(new EntryRetracted(was.childId(), entryId, was.agencyId(), versions.merge(entryId, 1, Integer::sum),
                reason), recordedAt);
    }

    String share(Instant recordedAt, String childId, String from, String to, Instant sharedAt,
                 SharingChannel channel, String... entryIds) {
        String sharingId = ChildIds.sharingId(childId, sharings.merge(childId, 1, Integer::sum));
        add(new InformationShared(childId, sharingId, from, to, List.of(entryIds), sharedAt, channel,
                "SHARE-" + events.size()), recordedAt);
        return sharingId;
    }

    private void add(Object payload, Instant recordedAt) {
        Event event = new Event(payload, recordedAt, 0);
        long sequence = sequences.merge(event.childId(), 1L, Long::sum);
        events.add(new Event(payload, recordedAt, sequence));
    }

    /** Hands the events to the projection as its tracking processor would. */
    static void project(ChronologyProjection projection, List<Event> events) {
        for (Event event : events) {
            if (event.payload() instanceof EntryRecorded e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (event.payload() instanceof EntryCorrected e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (event.payload() instanceof EntryRetracted e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else {
                projection.on((InformationShared) event.payload(), event.recordedAt(), event.sequence());
            }
        }
    }
}
