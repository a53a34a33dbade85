package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.query.child.ChildProjection;
import java.time.LocalDate;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.person.PeopleProjection;

/**
 * Child events as the chronology service stores them: a payload, the event's own timestamp (its recordedAt)
 * and the child aggregate's sequence number. Keeps the numbering of entries, versions, sharings and person records.
 */
public final class Story {

    public record Event(Object payload, Instant recordedAt, long sequence) {
        public String childId() {
            if (payload instanceof EntryRecorded e) {
                return e.childId();
            } else if (payload instanceof EntryCorrected e) {
                return e.childId();
            } else if (payload instanceof EntryRetracted e) {
                return e.childId();
            } else if (payload instanceof PersonKnownRecorded e) {
                return e.childId();
            } else if (payload instanceof ChildRegistered e) {
                return e.childId();
            } else if (payload instanceof EntriesLinked e) {
                return e.childId();
            }
            return ((InformationShared) payload).childId();
        }
    }

    public final List<Event> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, Integer> sharings = new HashMap<>();
    private final Map<String, Integer> personRecords = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, EntryCorrected> current = new HashMap<>();
    private final Map<String, EntryRecorded> recordedEntries = new HashMap<>();

    public String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                         Instant occurredAt, Instant knownAt, String summary, String professional) {
        return record(recordedAt, childId, agencyId, sourceRef, kind, occurredAt, knownAt, summary,
                Significance.ROUTINE, professional);
    }

    public String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                         Instant occurredAt, Instant knownAt, String summary, Significance significance,
                         String professional) {
        return record(recordedAt, childId, agencyId, sourceRef, kind, occurredAt, DatePrecision.EXACT, knownAt,
                summary, significance, professional, List.of());
    }

    public String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                         Instant occurredAt, DatePrecision precision, Instant knownAt, String summary,
                         Significance significance, String professional, List<String> personIds) {
        return record(recordedAt, childId, agencyId, sourceRef, kind, occurredAt, precision, knownAt, summary,
                significance, professional, personIds, List.of(), null, List.of(), null, null);
    }

    /** An entry with the fields the practice patterns read. */
    public String record(Instant recordedAt, String childId, String agencyId, String sourceRef, EntryKind kind,
                         Instant occurredAt, DatePrecision precision, Instant knownAt, String summary,
                         Significance significance, String professional, List<String> personIds,
                         List<Concern> concerns, ThresholdDecision thresholdDecision, List<PlanAction> actions,
                         String escalatedTo, String respondsTo) {
        String entryId = ChildIds.entryId(childId, entries.merge(childId, 1, Integer::sum));
        EntryRecorded recorded = new EntryRecorded(childId, entryId, agencyId, sourceRef, kind, occurredAt, precision,
                knownAt, summary, significance, professional, personIds, concerns, thresholdDecision, actions,
                escalatedTo, respondsTo);
        add(recorded, recordedAt);
        versions.put(entryId, 1);
        current.put(entryId, new EntryCorrected(childId, entryId, agencyId, 1, kind, occurredAt, precision, knownAt,
                summary, significance, null, recorded.concerns(), thresholdDecision, recorded.actions()));
        recordedEntries.put(entryId, recorded);
        return entryId;
    }

    /** The child's registration, with its date of birth (or none). */
    public void register(Instant recordedAt, String childId, LocalDate dateOfBirth) {
        add(new ChildRegistered(childId, "Child " + childId, dateOfBirth), recordedAt);
    }

    /** The entry as first recorded. */
    public EntryRecorded recorded(String entryId) {
        return recordedEntries.get(entryId);
    }

    public String record(Instant recordedAt, String childId, String agencyId, Instant occurredAt, Instant knownAt) {
        return record(recordedAt, childId, agencyId, "REF-" + events.size(), EntryKind.CONTACT, occurredAt, knownAt,
                "Contact with Mother", "Officer " + events.size());
    }

    /** An entry of this kind by this agency, occurred and known at the same instant. */
    public String record(Instant recordedAt, String childId, String agencyId, EntryKind kind, Instant occurredAt,
                         String professional) {
        return record(recordedAt, childId, agencyId, "REF-" + events.size(), kind, occurredAt, occurredAt,
                kind.name().toLowerCase().replace('_', ' '), professional);
    }

    /** A correction of occurredAt and knownAt (null keeps the value) and of the summary. */
    public void correct(Instant recordedAt, String entryId, Instant occurredAt, Instant knownAt, String summary,
                        String reason) {
        correct(recordedAt, entryId, occurredAt, knownAt, null, summary, null, reason);
    }

    /** A correction: each field left null keeps its value. */
    public void correct(Instant recordedAt, String entryId, Instant occurredAt, Instant knownAt, EntryKind kind,
                        String summary, Significance significance, String reason) {
        correct(recordedAt, entryId, occurredAt, null, knownAt, kind, summary, significance, reason);
    }

    /** A correction: each field left null keeps its value. */
    public void correct(Instant recordedAt, String entryId, Instant occurredAt, DatePrecision precision,
                        Instant knownAt, EntryKind kind, String summary, Significance significance, String reason) {
        correct(recordedAt, entryId, occurredAt, precision, knownAt, kind, summary, significance, reason, null, null,
                null);
    }

    /** A correction, also of the fields the practice patterns read: each field left null keeps its value. */
    public void correct(Instant recordedAt, String entryId, Instant occurredAt, DatePrecision precision,
                        Instant knownAt, EntryKind kind, String summary, Significance significance, String reason,
                        List<Concern> concerns, ThresholdDecision thresholdDecision, List<PlanAction> actions) {
        EntryCorrected was = current.get(entryId);
        int version = versions.merge(entryId, 1, Integer::sum);
        EntryCorrected now = new EntryCorrected(was.childId(), entryId, was.agencyId(), version,
                kind == null ? was.kind() : kind, occurredAt == null ? was.occurredAt() : occurredAt,
                precision == null ? was.occurredAtPrecision() : precision,
                knownAt == null ? was.knownAt() : knownAt, summary == null ? was.summary() : summary,
                significance == null ? was.significance() : significance, reason,
                concerns == null ? was.concerns() : concerns,
                thresholdDecision == null ? was.thresholdDecision() : thresholdDecision,
                actions == null ? was.actions() : actions);
        current.put(entryId, now);
        add(now, recordedAt);
    }

    /** The entry's fields as they now stand (a correction event holds them all). */
    public EntryCorrected current(String entryId) {
        return current.get(entryId);
    }

    public void retract(Instant recordedAt, String entryId, String reason) {
        EntryCorrected was = current.get(entryId);
        add(new EntryRetracted(was.childId(), entryId, was.agencyId(), versions.merge(entryId, 1, Integer::sum),
                reason), recordedAt);
    }

    public String share(Instant recordedAt, String childId, String from, String to, Instant sharedAt,
                        SharingChannel channel, String... entryIds) {
        String sharingId = ChildIds.sharingId(childId, sharings.merge(childId, 1, Integer::sum));
        add(new InformationShared(childId, sharingId, from, to, List.of(entryIds), sharedAt, channel,
                "SHARE-" + events.size()), recordedAt);
        return sharingId;
    }

    /** An agency records that it knows a person in the child's life. */
    public String know(Instant recordedAt, String childId, String agencyId, String personId, PersonRole role, Sex sex,
                       boolean livesWithChild, Instant knownAt) {
        String recordId = ChildIds.personRecordId(childId, personRecords.merge(childId, 1, Integer::sum));
        add(new PersonKnownRecorded(childId, recordId, agencyId, personId, role, sex, livesWithChild, knownAt,
                "PERSON-" + events.size()), recordedAt);
        return recordId;
    }

    /** Entries of the child linked by a review's member. */
    public void link(Instant recordedAt, String childId, String linkId, EntryLinkKind kind, String note,
                     String... entryIds) {
        add(new EntriesLinked(childId, linkId, kind, List.of(entryIds), note, "reviewer-1"), recordedAt);
    }

    private void add(Object payload, Instant recordedAt) {
        Event event = new Event(payload, recordedAt, 0);
        long sequence = sequences.merge(event.childId(), 1L, Long::sum);
        events.add(new Event(payload, recordedAt, sequence));
    }

    /** Hands the events to the projection as its tracking processor would; person records are not its. */
    public static void project(ChronologyProjection projection, List<Event> events) {
        project(projection, null, events);
    }

    /** Hands the events to the projections as their tracking processor would. */
    public static void project(ChronologyProjection projection, PeopleProjection people, List<Event> events) {
        project(projection, people, null, events);
    }

    /** Hands the events to the projections as their tracking processor would; children to the child projection. */
    public static void project(ChronologyProjection projection, PeopleProjection people, ChildProjection children,
                               List<Event> events) {
        for (Event event : events) {
            if (event.payload() instanceof ChildRegistered e) {
                if (children != null) {
                    children.on(e);
                }
            } else if (event.payload() instanceof EntryRecorded e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (event.payload() instanceof EntryCorrected e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (event.payload() instanceof EntryRetracted e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (event.payload() instanceof InformationShared e) {
                projection.on(e, event.recordedAt(), event.sequence());
            } else if (people != null) {
                people.on((PersonKnownRecorded) event.payload(), event.recordedAt(), event.sequence());
            }
        }
    }
}
