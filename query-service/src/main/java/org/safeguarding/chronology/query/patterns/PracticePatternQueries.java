package org.safeguarding.chronology.query.patterns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.casestate.CaseStateView.Verification;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.api.patterns.FindPracticePatterns;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.safeguarding.chronology.api.patterns.PracticePatternsAnswer;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.query.agency.AgencyQueries;
import org.safeguarding.chronology.query.casestate.CaseStateQueries;
import org.safeguarding.chronology.query.child.ChildQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The practice patterns that hold at T (the contract's "Practice patterns"), from the read models: the case
 * state at T with the entries it considered, the shares recorded with the entries, and the child's date of
 * birth. With verify, the literal fold of the child's events is run as well and the two answers compared.
 */
@Service
public class PracticePatternQueries {

    /** The rules, in the order of the contract. */
    static final List<PatternRule> RULES = List.of(new DomesticAbuseBabyNoEnquiry(), new VerbalShareNotInWriting(),
            new UnseenMan(), new ChildNotSeenOnPlan(), new PlanActionIncomplete(), new InconsistentThreshold(),
            new EscalationUnanswered(), new ConferenceLate(), new DecisionWithoutKnownInformation());

    private final CaseStateQueries caseStates;
    private final RecordedEntries recorded;
    private final ChildQueries children;
    private final AgencyQueries agencies;
    private final LiteralPatterns literal;
    private final Clock clock;

    @Autowired
    public PracticePatternQueries(CaseStateQueries caseStates, RecordedEntries recorded, ChildQueries children,
                                  AgencyQueries agencies, LiteralPatterns literal) {
        this(caseStates, recorded, children, agencies, literal, Clock.systemUTC());
    }

    PracticePatternQueries(CaseStateQueries caseStates, RecordedEntries recorded, ChildQueries children,
                           AgencyQueries agencies, LiteralPatterns literal, Clock clock) {
        this.caseStates = caseStates;
        this.recorded = recorded;
        this.children = children;
        this.agencies = agencies;
        this.literal = literal;
        this.clock = clock;
    }

    @QueryHandler
    public PracticePatternsAnswer handle(FindPracticePatterns query) {
        if (query.at() == null) {
            throw RejectedException.badRequest("at is required");
        }
        Instant recordedAsOf = query.recordedAsOf() == null ? clock.instant() : query.recordedAsOf();
        List<PracticePatternView> patterns = patterns(query.childId(), query.at(), query.recordedAsOf(), recordedAsOf);
        if (!query.verify()) {
            return new PracticePatternsAnswer(patterns, null);
        }
        LiteralPatterns.Replayed replayed = literal.practicePatterns(query.childId(), query.at(), recordedAsOf);
        List<String> differences = differences(patterns, replayed.patterns());
        return new PracticePatternsAnswer(patterns,
                new Verification(differences.isEmpty(), replayed.eventsReplayed(), differences));
    }

    /** asked: the recordedAsOf asked for (null: the record as it stands), recordedAsOf: its instant. */
    private List<PracticePatternView> patterns(String childId, Instant at, Instant asked, Instant recordedAsOf) {
        ChildView child = children.handle(new FindChild(childId));
        if (child == null) {
            return List.of();
        }
        RecordedEntries.Child entries = recorded.child(childId); // one load for the case state and the shares
        CaseStateQueries.Seen seen = caseStates.seen(entries, childId, at, asked);
        Map<String, List<RecordedEntry.Share>> sharesNaming = new HashMap<>();
        for (ChronologyEntryView entry : seen.considered()) {
            RecordedEntry stored = entries.entry(entry.id());
            List<RecordedEntry.Share> counted = stored == null ? List.of() : stored.shares().stream()
                    .filter(share -> !share.recordedAt().isAfter(recordedAsOf) && !share.sharedAt().isAfter(at))
                    .toList();
            if (!counted.isEmpty()) {
                sharesNaming.put(entry.id(), counted);
            }
        }
        SeenAt seenAt = new SeenAt(at, child.dateOfBirth(), seen.considered(), sharesNaming, seen.caseState());
        List<Found> found = new ArrayList<>();
        RULES.forEach(rule -> found.addAll(rule.find(seenAt)));
        Words words = new Words(agencyNames(found, seenAt), child.displayName());
        List<PracticePatternView> sorted = found.stream().map(pattern -> pattern.worded(words))
                .sorted(PracticePatternView.ORDER).toList();
        List<PracticePatternView> distinct = new ArrayList<>(sorted.size());
        for (PracticePatternView pattern : sorted) { // the same pattern twice is next to itself once sorted
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).samePatternAs(pattern)) {
                distinct.add(pattern);
            }
        }
        return List.copyOf(distinct);
    }

    /** One directory lookup for every agency the sentences may name: the patterns', their entries' and the unseen's. */
    private Map<String, String> agencyNames(List<Found> found, SeenAt seen) {
        Set<String> ids = new HashSet<>();
        for (Found pattern : found) {
            ids.addAll(pattern.agencyIds());
            for (ChronologyEntryView entry : pattern.entries()) {
                ids.add(entry.agencyId());
            }
        }
        seen.caseState().unseenBy().forEach(person -> ids.addAll(person.knownTo()));
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (AgencyView agency : agencies.handle(new FindAgencies(new ArrayList<>(new TreeSet<>(ids))))) {
                names.put(agency.id(), agency.name());
            }
        }
        return names;
    }

    /** The entries as shown, whatever recordedAsOf their view was asked as of: the replay is given an instant. */
    private static List<ChronologyEntryView> shown(List<ChronologyEntryView> entries) {
        return entries.stream().map(entry -> entry.asOf(null)).toList();
    }

    /** One line per pattern found by one answer and not the other, compared in every field but the words. */
    static List<String> differences(List<PracticePatternView> readModels, List<PracticePatternView> replay) {
        List<String> differences = new ArrayList<>();
        List<PracticePatternView.Key> fast = readModels.stream().map(PracticePatternView::key).toList();
        List<PracticePatternView.Key> literal = replay.stream().map(PracticePatternView::key).toList();
        fast.stream().filter(key -> !literal.contains(key))
                .forEach(key -> differences.add("only in the read models: " + key));
        literal.stream().filter(key -> !fast.contains(key))
                .forEach(key -> differences.add("only in the replay: " + key));
        if (differences.isEmpty() && !fast.equals(literal)) {
            differences.add("order: read models " + fast + ", replay " + literal);
        }
        for (int i = 0; differences.isEmpty() && i < readModels.size(); i++) {
            if (!Objects.equals(shown(readModels.get(i).entries()), shown(replay.get(i).entries()))) {
                differences.add("evidence of " + fast.get(i) + ": read models " + readModels.get(i).entries()
                        + ", replay " + replay.get(i).entries());
            }
        }
        return differences;
    }
}
