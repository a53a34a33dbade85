package org.safeguarding.chronology.query.casestate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.springframework.stereotype.Component;

/**
 * The contract's "Case state" and involvement read literally over the raw events of one child, with no read
 * model: what caseState's answer from the read models is held against. Written apart from the projections and
 * their queries on purpose (its own fold of versions, retractions, shares and person records); keep it that way.
 */
@Component
public class LiteralReplay {

    /** One event of the child as stored: its payload and its own timestamp, the recordedAt. */
    public record Recorded(Object payload, Instant recordedAt) {
    }

    public record Replayed(CaseStateView caseState, long eventsReplayed) {
    }

    /** The contract's order: occurredAt, then knownAt, then entry id. */
    private static final Comparator<Entry> CHRONOLOGY_ORDER = (one, other) -> {
        if (!one.occurredAt.equals(other.occurredAt)) {
            return one.occurredAt.compareTo(other.occurredAt);
        }
        if (!one.knownAt.equals(other.knownAt)) {
            return one.knownAt.compareTo(other.knownAt);
        }
        return one.id.compareTo(other.id);
    };

    private final EventStore eventStore;

    public LiteralReplay(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Reads every event of the child's case from the store, from the first one on (never from a snapshot). */
    public Replayed caseState(String childId, Instant at, String knownBy, Instant recordedAsOf) {
        List<Recorded> events = new ArrayList<>();
        eventStore.readEvents(ChildIds.aggregateId(childId), 0)
                .forEachRemaining(event -> events.add(new Recorded(event.getPayload(), event.getTimestamp())));
        return caseState(events, at, knownBy, recordedAsOf);
    }

    /** The case state at T known by A (any agency when null) as the record stood at R, from the child's events. */
    public static Replayed caseState(List<Recorded> events, Instant at, String knownBy, Instant recordedAsOf) {
        RecordAsOf record = RecordAsOf.fold(events, recordedAsOf);

        // 1. the entries chronology(knownBy: A, knownAt: T, recordedAsOf: R) returns that occurred by T
        List<Entry> considered = new ArrayList<>();
        for (Entry entry : record.entries.values()) {
            if (entry.retracted || entry.occurredAt.isAfter(at)) {
                continue;
            }
            Map<String, Instant> since = record.knowledge(entry);
            boolean known;
            if (knownBy != null) {
                known = since.containsKey(knownBy) && !since.get(knownBy).isAfter(at);
            } else {
                known = since.values().stream().anyMatch(instant -> !instant.isAfter(at));
            }
            if (known) {
                considered.add(entry);
            }
        }
        considered.sort(CHRONOLOGY_ORDER);

        // 2. the agencies whose walk over their considered entries ends with an episode open
        List<CaseStateView.OpenInvolvement> involved = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> agency : byAgency(considered).entrySet()) {
            List<AgencyInvolvementView.Episode> episodes = walk(agency.getValue());
            if (episodes.isEmpty() || episodes.get(episodes.size() - 1).to() != null) {
                continue;
            }
            Instant openSince = episodes.get(episodes.size() - 1).from();
            TreeSet<String> professionals = new TreeSet<>();
            for (Entry entry : agency.getValue()) {
                if (!entry.occurredAt.isBefore(openSince) && entry.professional != null) {
                    professionals.add(entry.professional);
                }
            }
            involved.add(new CaseStateView.OpenInvolvement(agency.getKey(), openSince, List.copyOf(professionals)));
        }
        involved.sort((one, other) -> one.since().equals(other.since()) ? one.agencyId().compareTo(other.agencyId())
                : one.since().compareTo(other.since()));

        // 3. the last plan entry is a start; 4. the latest occurredAt of the child seen
        boolean onPlan = false;
        Instant lastSeen = null;
        for (Entry entry : considered) {
            if (entry.kind == EntryKind.CHILD_PROTECTION_PLAN_STARTED) {
                onPlan = true;
            } else if (entry.kind == EntryKind.CHILD_PROTECTION_PLAN_ENDED) {
                onPlan = false;
            } else if (entry.kind == EntryKind.CHILD_SEEN) {
                lastSeen = lastSeen == null || entry.occurredAt.isAfter(lastSeen) ? entry.occurredAt : lastSeen;
            }
        }

        // 5. the persons recorded as known by T, by A or by any agency
        TreeMap<String, Map<String, Instant>> knownSince = new TreeMap<>();
        Map<String, Person> latest = new HashMap<>();
        for (Person person : record.persons) {
            PersonKnownRecorded known = person.record;
            if (known.knownAt().isAfter(at) || (knownBy != null && !known.agencyId().equals(knownBy))) {
                continue;
            }
            knownSince.computeIfAbsent(known.personId(), id -> new HashMap<>())
                    .merge(known.agencyId(), known.knownAt(), (one, other) -> one.isBefore(other) ? one : other);
            Person before = latest.get(known.personId());
            // stream order: of two records with the same knownAt and recordedAt the later one wins
            if (before == null || known.knownAt().isAfter(before.record.knownAt())
                    || (known.knownAt().equals(before.record.knownAt())
                        && !person.recordedAt.isBefore(before.recordedAt))) {
                latest.put(known.personId(), person);
            }
        }
        List<CaseStateView.PersonKnowledge> household = new ArrayList<>();
        for (Map.Entry<String, Map<String, Instant>> person : knownSince.entrySet()) {
            List<Knowledge> knownTo = new ArrayList<>();
            person.getValue().forEach((agencyId, since) ->
                    knownTo.add(new Knowledge(agencyId, since, KnowledgeSource.OWN_RECORD, null)));
            knownTo.sort((one, other) -> one.since().equals(other.since())
                    ? one.agencyId().compareTo(other.agencyId()) : one.since().compareTo(other.since()));
            PersonKnownRecorded details = latest.get(person.getKey()).record;
            household.add(new CaseStateView.PersonKnowledge(person.getKey(), details.role(), details.sex(),
                    details.livesWithChild(), List.copyOf(knownTo)));
        }

        // 6. without knownBy: the non-female persons some involved agency does not know
        List<CaseStateView.UnseenPerson> unseenBy = new ArrayList<>();
        if (knownBy == null) {
            for (CaseStateView.PersonKnowledge person : household) {
                if (person.sex() == Sex.FEMALE) {
                    continue;
                }
                TreeSet<String> knowers = new TreeSet<>(knownSince.get(person.personId()).keySet());
                TreeSet<String> strangers = new TreeSet<>();
                for (CaseStateView.OpenInvolvement agency : involved) {
                    if (!knowers.contains(agency.agencyId())) {
                        strangers.add(agency.agencyId());
                    }
                }
                if (!strangers.isEmpty()) {
                    unseenBy.add(new CaseStateView.UnseenPerson(person.personId(), List.copyOf(knowers),
                            List.copyOf(strangers)));
                }
            }
        }

        return new Replayed(new CaseStateView(at, considered.size(), List.copyOf(involved), onPlan, lastSeen,
                List.copyOf(household), List.copyOf(unseenBy), null), record.eventsReplayed);
    }

    /** Per agency with an entry in chronology(recordedAsOf: R), by agency id: its episodes over all its entries. */
    public static List<AgencyInvolvementView> involvement(List<Recorded> events, Instant recordedAsOf) {
        List<Entry> shown = new ArrayList<>();
        for (Entry entry : RecordAsOf.fold(events, recordedAsOf).entries.values()) {
            if (!entry.retracted) {
                shown.add(entry);
            }
        }
        shown.sort(CHRONOLOGY_ORDER);
        List<AgencyInvolvementView> involvement = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> agency : byAgency(shown).entrySet()) {
            List<Entry> entries = agency.getValue();
            Instant first = entries.stream().map(entry -> entry.occurredAt).min(Comparator.naturalOrder()).get();
            Instant last = entries.stream().map(entry -> entry.occurredAt).max(Comparator.naturalOrder()).get();
            involvement.add(new AgencyInvolvementView(agency.getKey(), walk(entries), entries.size(), first, last));
        }
        return involvement;
    }

    /** The entries by the agency that recorded them, agencies by id, each agency's in the order given. */
    private static TreeMap<String, List<Entry>> byAgency(List<Entry> entries) {
        TreeMap<String, List<Entry>> byAgency = new TreeMap<>();
        for (Entry entry : entries) {
            byAgency.computeIfAbsent(entry.agencyId, agency -> new ArrayList<>()).add(entry);
        }
        return byAgency;
    }

    /** A start opens an episode unless one is open; an end closes the open one, if any. */
    private static List<AgencyInvolvementView.Episode> walk(List<Entry> agencyEntries) {
        List<AgencyInvolvementView.Episode> episodes = new ArrayList<>();
        Instant openedAt = null;
        for (Entry entry : agencyEntries) {
            if (entry.kind == EntryKind.INVOLVEMENT_STARTED) {
                if (openedAt == null) {
                    openedAt = entry.occurredAt;
                }
            } else if (entry.kind == EntryKind.INVOLVEMENT_ENDED) {
                if (openedAt != null) {
                    episodes.add(new AgencyInvolvementView.Episode(openedAt, entry.occurredAt));
                    openedAt = null;
                }
            }
        }
        if (openedAt != null) {
            episodes.add(new AgencyInvolvementView.Episode(openedAt, null));
        }
        return episodes;
    }

    /** An entry as it stands: the fields of its latest version, and whether it was retracted. */
    private static final class Entry {
        final String id;
        final String agencyId;
        final String professional;
        int version = 1;
        EntryKind kind;
        Instant occurredAt;
        Instant knownAt;
        boolean retracted;

        Entry(EntryRecorded recorded) {
            id = recorded.entryId();
            agencyId = recorded.agencyId();
            professional = recorded.professional();
            kind = recorded.kind();
            occurredAt = recorded.occurredAt();
            knownAt = recorded.knownAt();
        }
    }

    private record Person(PersonKnownRecorded record, Instant recordedAt) {
    }

    /** The child's record as it stood at R: the events recorded at or before R, folded in stream order. */
    private static final class RecordAsOf {
        final Map<String, Entry> entries = new LinkedHashMap<>();
        final Map<String, List<InformationShared>> sharesNaming = new HashMap<>();
        final List<Person> persons = new ArrayList<>();
        long eventsReplayed;

        static RecordAsOf fold(List<Recorded> events, Instant recordedAsOf) {
            RecordAsOf record = new RecordAsOf();
            for (Recorded event : events) {
                if (event.recordedAt().isAfter(recordedAsOf)) {
                    continue;
                }
                record.eventsReplayed++;
                Object payload = event.payload();
                if (payload instanceof EntryRecorded recorded) {
                    record.entries.put(recorded.entryId(), new Entry(recorded));
                } else if (payload instanceof EntryCorrected corrected) {
                    Entry entry = record.entries.get(corrected.entryId());
                    if (entry != null && corrected.version() > entry.version) {
                        entry.version = corrected.version();
                        entry.kind = corrected.kind();
                        entry.occurredAt = corrected.occurredAt();
                        entry.knownAt = corrected.knownAt();
                    }
                } else if (payload instanceof EntryRetracted retracted) {
                    Entry entry = record.entries.get(retracted.entryId());
                    if (entry != null) {
                        entry.retracted = true;
                    }
                } else if (payload instanceof InformationShared shared) {
                    shared.entryIds().forEach(entryId ->
                            record.sharesNaming.computeIfAbsent(entryId, id -> new ArrayList<>()).add(shared));
                } else if (payload instanceof PersonKnownRecorded person) {
                    record.persons.add(new Person(person, event.recordedAt()));
                }
            }
            return record;
        }

        /** Who knew the entry since when: its recorder from its knownAt, any other agency from its first share. */
        Map<String, Instant> knowledge(Entry entry) {
            Map<String, Instant> since = new HashMap<>();
            since.put(entry.agencyId, entry.knownAt);
            for (InformationShared share : sharesNaming.getOrDefault(entry.id, List.of())) {
                if (!share.toAgencyId().equals(entry.agencyId)) {
                    since.merge(share.toAgencyId(), share.sharedAt(),
                            (one, other) -> one.isBefore(other) ? one : other);
                }
            }
            return since;
        }
    }
}
