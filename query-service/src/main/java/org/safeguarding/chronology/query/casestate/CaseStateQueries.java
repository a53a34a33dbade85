package org.safeguarding.chronology.query.casestate;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView.Episode;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.CaseStateView.OpenInvolvement;
import org.safeguarding.chronology.api.casestate.CaseStateView.PersonKnowledge;
import org.safeguarding.chronology.api.casestate.CaseStateView.UnseenPerson;
import org.safeguarding.chronology.api.casestate.CaseStateView.Verification;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.safeguarding.chronology.query.involvement.Episodes;
import org.safeguarding.chronology.query.person.KnownPeople;
import org.safeguarding.chronology.query.person.PersonRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The case as it could be seen at an instant (the contract's "Case state" rules 1 to 6), from the read models:
 * the child's chronology and its person records. With verify, the literal replay of the child's events is run
 * as well and the two answers compared.
 */
@Service
public class CaseStateQueries {

    private static final Set<EntryKind> PLAN = EnumSet.of(EntryKind.CHILD_PROTECTION_PLAN_STARTED,
            EntryKind.CHILD_PROTECTION_PLAN_ENDED);
    /** A person's details come from the record with the latest knownAt, then recordedAt, then stream place. */
    private static final Comparator<PersonRecord> LATEST = Comparator.comparing(PersonRecord::knownAt)
            .thenComparing(PersonRecord::recordedAt)
            .thenComparingLong(PersonRecord::sequence);

    private final ChronologyQueries chronology;
    private final KnownPeople people;
    private final LiteralReplay replay;
    private final Clock clock;

    @Autowired
    public CaseStateQueries(ChronologyQueries chronology, KnownPeople people, LiteralReplay replay) {
        this(chronology, people, replay, Clock.systemUTC());
    }

    public CaseStateQueries(ChronologyQueries chronology, KnownPeople people, LiteralReplay replay, Clock clock) {
        this.chronology = chronology;
        this.people = people;
        this.replay = replay;
        this.clock = clock;
    }

    @QueryHandler
    public CaseStateView handle(FindCaseState query) {
        if (query.at() == null) {
            throw RejectedException.badRequest("at is required");
        }
        Instant recordedAsOf = query.recordedAsOf() == null ? clock.instant() : query.recordedAsOf();
        CaseStateView state = caseState(query.childId(), query.at(), query.knownBy(), query.recordedAsOf(),
                recordedAsOf);
        if (!query.verify()) {
            return state;
        }
        LiteralReplay.Replayed replayed = replay.caseState(query.childId(), query.at(), query.knownBy(), recordedAsOf);
        List<String> differences = differences(state, replayed.caseState());
        return state.withVerification(new Verification(differences.isEmpty(), replayed.eventsReplayed(), differences));
    }

    /**
     * The case as it could be seen at T by any agency, as the record stood at recordedAsOf (now when null), with
     * the entries it considered (rule 1) in chronology order, from a load of the child's entries in hand: what the
     * practice patterns are read from.
     */
    public Seen seen(RecordedEntries.Child entries, String childId, Instant at, Instant recordedAsOf) {
        List<ChronologyEntryView> considered =
                occurredBy(chronology.matches(entries, null, at, recordedAsOf, null), at);
        return new Seen(considered, caseState(childId, at, null, considered,
                recordedAsOf == null ? clock.instant() : recordedAsOf));
    }

    /** The case state at T and the entries it considered, in chronology order. */
    public record Seen(List<ChronologyEntryView> considered, CaseStateView caseState) {
    }

    /** asked is the recordedAsOf asked for (null: the record as it stands, whose view is kept), now its instant. */
    private CaseStateView caseState(String childId, Instant at, String knownBy, Instant asked, Instant recordedAsOf) {
        return caseState(childId, at, knownBy, occurredBy(chronology.matches(childId, knownBy, at, asked, null), at),
                recordedAsOf);
    }

    /** Rule 1: of the entries of chronology(knownBy, knownAt: T, recordedAsOf), those that occurred by T. */
    private static List<ChronologyEntryView> occurredBy(List<ChronologyEntryView> matches, Instant at) {
        return matches.stream().filter(entry -> !entry.occurredAt().isAfter(at)).toList();
    }

    private CaseStateView caseState(String childId, Instant at, String knownBy,
                                    List<ChronologyEntryView> considered, Instant recordedAsOf) {
        List<OpenInvolvement> involved = openInvolvement(considered);
        boolean onPlan = considered.stream().filter(entry -> PLAN.contains(entry.kind()))
                .reduce((earlier, later) -> later)
                .map(last -> last.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED)
                .orElse(false);
        Instant lastSeen = considered.stream().filter(entry -> entry.kind() == EntryKind.CHILD_SEEN)
                .map(ChronologyEntryView::occurredAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        List<PersonKnowledge> household = household(childId, at, knownBy, recordedAsOf);
        return new CaseStateView(at, considered.size(), involved, onPlan, lastSeen, household,
                knownBy == null ? unseen(household, involved) : List.of(), null);
    }

    /** Rule 2: the agencies with an episode open after walking their considered entries. */
    private static List<OpenInvolvement> openInvolvement(List<ChronologyEntryView> considered) {
        Map<String, List<ChronologyEntryView>> byAgency = considered.stream()
                .collect(groupingBy(ChronologyEntryView::agencyId, LinkedHashMap::new, toList()));
        List<OpenInvolvement> involved = new ArrayList<>();
        byAgency.forEach((agencyId, entries) -> {
            List<Episode> episodes = Episodes.of(entries);
            Episode last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
            if (last != null && last.to() == null) {
                involved.add(new OpenInvolvement(agencyId, last.from(), entries.stream()
                        .filter(entry -> !entry.occurredAt().isBefore(last.from()))
                        .map(ChronologyEntryView::professional)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList()));
            }
        });
        involved.sort(Comparator.comparing(OpenInvolvement::since).thenComparing(OpenInvolvement::agencyId));
        return involved;
    }

    /** Rule 5: the persons known by T (to knownBy, or to any agency) as the record stood at R. */
    private List<PersonKnowledge> household(String childId, Instant at, String knownBy, Instant recordedAsOf) {
        Map<String, List<PersonRecord>> byPerson = people.ofChild(childId).stream()
                .filter(record -> !record.recordedAt().isAfter(recordedAsOf) && !record.knownAt().isAfter(at)
                        && (knownBy == null || record.agencyId().equals(knownBy)))
                .collect(groupingBy(PersonRecord::personId, TreeMap::new, toList()));
        List<PersonKnowledge> household = new ArrayList<>();
        byPerson.forEach((personId, records) -> {
            Map<String, Instant> since = new TreeMap<>();
            records.forEach(record -> since.merge(record.agencyId(), record.knownAt(),
                    (one, other) -> one.isBefore(other) ? one : other));
            List<Knowledge> knownTo = since.entrySet().stream()
                    .map(agency -> new Knowledge(agency.getKey(), agency.getValue(), KnowledgeSource.OWN_RECORD, null))
                    .sorted(Comparator.comparing(Knowledge::since).thenComparing(Knowledge::agencyId))
                    .toList();
            PersonRecord latest = records.stream().max(LATEST).orElseThrow();
            household.add(new PersonKnowledge(personId, latest.role(), latest.sex(), latest.livesWithChild(),
                    knownTo));
        });
        return household;
    }

    /** Rule 6: the household persons not known to be female whom an involved agency does not know. */
    private static List<UnseenPerson> unseen(List<PersonKnowledge> household, List<OpenInvolvement> involved) {
        List<UnseenPerson> unseen = new ArrayList<>();
        for (PersonKnowledge person : household) {
            Set<String> knownTo = new TreeSet<>(person.knownTo().stream().map(Knowledge::agencyId).toList());
            List<String> unknownTo = involved.stream().map(OpenInvolvement::agencyId)
                    .filter(agencyId -> !knownTo.contains(agencyId))
                    .sorted()
                    .toList();
            if (person.sex() != Sex.FEMALE && !unknownTo.isEmpty()) {
                unseen.add(new UnseenPerson(person.personId(), List.copyOf(knownTo), unknownTo));
            }
        }
        return unseen;
    }

    /** Human-readable lines, one per field (or list item) where the two answers differ. */
    static List<String> differences(CaseStateView readModels, CaseStateView replay) {
        List<String> differences = new ArrayList<>();
        differ(differences, "entryCount", readModels.entryCount(), replay.entryCount());
        differ(differences, "onChildProtectionPlan", readModels.onChildProtectionPlan(),
                replay.onChildProtectionPlan());
        differ(differences, "lastSeen", readModels.lastSeen(), replay.lastSeen());
        differ(differences, "involvedAgencies", readModels.involvedAgencies(), replay.involvedAgencies(),
                OpenInvolvement::agencyId);
        differ(differences, "household", readModels.household(), replay.household(), PersonKnowledge::personId);
        differ(differences, "unseenBy", readModels.unseenBy(), replay.unseenBy(), UnseenPerson::personId);
        return differences;
    }

    private static void differ(List<String> differences, String field, Object readModels, Object replay) {
        if (!Objects.equals(readModels, replay)) {
            differences.add(field + ": read models " + (readModels == null ? "none" : readModels) + ", replay "
                    + (replay == null ? "none" : replay));
        }
    }

    private static <T> void differ(List<String> differences, String field, List<T> readModels, List<T> replay,
                                   Function<T, String> key) {
        if (readModels.equals(replay)) {
            return;
        }
        Map<String, T> fast = new TreeMap<>();
        readModels.forEach(item -> fast.put(key.apply(item), item));
        Map<String, T> literal = new TreeMap<>();
        replay.forEach(item -> literal.put(key.apply(item), item));
        int before = differences.size();
        Set<String> keys = new TreeSet<>(fast.keySet());
        keys.addAll(literal.keySet());
        for (String item : keys) {
            differ(differences, field + " " + item, fast.get(item), literal.get(item));
        }
        if (differences.size() == before) {
            differences.add(field + " order: read models " + readModels.stream().map(key).toList() + ", replay "
                    + replay.stream().map(key).toList());
        }
    }
}
