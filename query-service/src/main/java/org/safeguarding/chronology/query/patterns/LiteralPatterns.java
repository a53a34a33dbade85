package org.safeguarding.chronology.query.patterns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Version;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.patterns.PlanActionPart;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.casestate.LiteralReplay;
import org.springframework.stereotype.Component;

/**
 * The contract's "Practice patterns" rules 1 to 9 read literally over the raw events of one child, with no read
 * model: what practicePatterns' answer from the read models is held against. Written apart from the production
 * pattern code on purpose (its own fold of versions, retractions and shares; only rule 3's unseen persons and
 * rule 4's plan come from the literal case state); keep it that way.
 */
@Component
public final class LiteralPatterns {

    public record Replayed(List<PracticePatternView> patterns, long eventsReplayed) {
    }

    private static final Duration SEVEN_DAYS = Duration.ofHours(7 * 24);
    private static final Duration FIVE_DAYS = Duration.ofHours(5 * 24);
    private static final Duration THIRTY_DAYS = Duration.ofHours(30 * 24);
    private static final int PREGNANCY_DAYS = 280;

    /** Rule 5 of the chronology: occurredAt, then knownAt, then entry id. */
    private static final Comparator<ChronologyEntryView> CHRONOLOGY_ORDER = (one, other) -> {
        if (!one.occurredAt().equals(other.occurredAt())) {
            return one.occurredAt().compareTo(other.occurredAt());
        }
        if (!one.knownAt().equals(other.knownAt())) {
            return one.knownAt().compareTo(other.knownAt());
        }
        return one.id().compareTo(other.id());
    };

    private final EventStore eventStore;

    public LiteralPatterns(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Reads every event of the child's case from the store, from the first one on (never from a snapshot). */
    public Replayed practicePatterns(String childId, Instant at, Instant recordedAsOf) {
        List<LiteralReplay.Recorded> events = new ArrayList<>();
        eventStore.readEvents(ChildIds.aggregateId(childId), 0).forEachRemaining(
                event -> events.add(new LiteralReplay.Recorded(event.getPayload(), event.getTimestamp())));
        return practicePatterns(events, at, recordedAsOf);
    }

    /**
     * Every pattern that holds at T, as the record stood at R (never null: the caller's "now" when none was asked
     * for), from the child's events in stream order; descriptions are "" (words are the fast path's business).
     */
    public static Replayed practicePatterns(List<LiteralReplay.Recorded> events, Instant at, Instant recordedAsOf) {
        RecordAsOf record = RecordAsOf.fold(events, recordedAsOf);
        Seen seen = new Seen(record, at);

        List<PracticePatternView> found = new ArrayList<>();
        found.addAll(domesticAbuseBabyNoEnquiry(record, seen));
        found.addAll(verbalShareNotInWriting(record, seen, at));
        CaseStateView caseState = LiteralReplay.caseState(events, at, null, recordedAsOf).caseState();
        found.addAll(unseenMan(caseState));
        found.addAll(childNotSeenOnPlan(seen, caseState));
        found.addAll(planActionIncomplete(seen));
        found.addAll(inconsistentThreshold(seen));
        found.addAll(escalationUnanswered(seen));
        found.addAll(conferenceLate(seen));
        found.addAll(decisionWithoutKnownInformation(seen));

        List<PracticePatternView> holding = new ArrayList<>();
        for (PracticePatternView pattern : found) {
            if (!pattern.since().isAfter(at)) {
                holding.add(pattern);
            }
        }
        holding.sort(PracticePatternView.ORDER);
        Map<PracticePatternView.Key, PracticePatternView> once = new LinkedHashMap<>();
        for (PracticePatternView pattern : holding) {
            once.putIfAbsent(pattern.key(), pattern);
        }
        return new Replayed(List.copyOf(once.values()), record.eventsReplayed);
    }

    // ---------------------------------------------------------------------------------------------- the rules

    /** Rule 1: a domestic abuse incident in the baby's first year (or in pregnancy) with no enquiry within 7 days. */
    private static List<PracticePatternView> domesticAbuseBabyNoEnquiry(RecordAsOf record, Seen seen) {
        List<PracticePatternView> patterns = new ArrayList<>();
        LocalDate born = record.dateOfBirth;
        if (born == null) {
            return patterns;
        }
        LocalDate firstBirthday = firstBirthday(born);
        LocalDate conceivedBy = born.minusDays(PREGNANCY_DAYS);
        for (ChronologyEntryView incident : seen.ofKind(EntryKind.DOMESTIC_ABUSE_INCIDENT)) {
            LocalDate date = WorkingDays.londonDate(incident.occurredAt());
            if (!date.isBefore(firstBirthday) || date.isBefore(conceivedBy)) {
                continue;
            }
            Instant since = incident.occurredAt().plus(SEVEN_DAYS);
            boolean enquired = false;
            for (ChronologyEntryView entry : seen.entries) {
                if ((entry.kind() == EntryKind.STRATEGY_DISCUSSION || entry.kind() == EntryKind.SECTION_47_ENQUIRY)
                        && between(entry.occurredAt(), incident.occurredAt(), since)) {
                    enquired = true;
                }
            }
            if (!enquired) {
                patterns.add(pattern(PatternKind.DOMESTIC_ABUSE_BABY_NO_ENQUIRY, since,
                        List.of(incident.agencyId()), List.of(incident)));
            }
        }
        return patterns;
    }

    /** Rule 2: information shared by word of mouth and not put in writing within 5 days. */
    private static List<PracticePatternView> verbalShareNotInWriting(RecordAsOf record, Seen seen, Instant at) {
        List<InformationShared> counted = new ArrayList<>();
        for (InformationShared share : record.shares) {
            if (!share.sharedAt().isAfter(at)) {
                counted.add(share);
            }
        }
        List<PracticePatternView> patterns = new ArrayList<>();
        for (InformationShared verbal : counted) {
            if (verbal.channel() != SharingChannel.VERBAL) {
                continue;
            }
            Instant since = verbal.sharedAt().plus(FIVE_DAYS);
            for (String entryId : verbal.entryIds()) {
                ChronologyEntryView entry = seen.byId.get(entryId);
                if (entry == null) {
                    continue;
                }
                boolean inWriting = false;
                for (InformationShared other : counted) {
                    if (other.fromAgencyId().equals(verbal.fromAgencyId())
                            && other.toAgencyId().equals(verbal.toAgencyId()) && other.entryIds().contains(entryId)
                            && (other.channel() == SharingChannel.WRITTEN
                                || other.channel() == SharingChannel.ELECTRONIC)
                            && between(other.sharedAt(), verbal.sharedAt(), since)) {
                        inWriting = true;
                    }
                }
                if (!inWriting) {
                    patterns.add(pattern(PatternKind.VERBAL_SHARE_NOT_IN_WRITING, since,
                            agencies(verbal.fromAgencyId(), verbal.toAgencyId()), List.of(entry)));
                }
            }
        }
        return patterns;
    }

    /** Rule 3: a man in the household that an involved agency does not know of. */
    private static List<PracticePatternView> unseenMan(CaseStateView caseState) {
        Map<String, CaseStateView.PersonKnowledge> household = new LinkedHashMap<>();
        caseState.household().forEach(person -> household.put(person.personId(), person));
        Map<String, Instant> involvedSince = new LinkedHashMap<>();
        caseState.involvedAgencies().forEach(agency -> involvedSince.put(agency.agencyId(), agency.since()));

        List<PracticePatternView> patterns = new ArrayList<>();
        for (CaseStateView.UnseenPerson unseen : caseState.unseenBy()) {
            CaseStateView.PersonKnowledge person = household.get(unseen.personId());
            if (person.role() == PersonRole.SIBLING) {
                continue;
            }
            Instant firstKnown = person.knownTo().stream().map(Knowledge::since).min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant firstInvolved = unseen.unknownTo().stream().map(involvedSince::get)
                    .min(Comparator.naturalOrder()).orElseThrow();
            Instant since = firstKnown.isAfter(firstInvolved) ? firstKnown : firstInvolved;
            patterns.add(new PracticePatternView(PatternKind.UNSEEN_MAN, since, agencies(unseen.unknownTo()),
                    List.of(), unseen.personId(), null, List.of(), ""));
        }
        return patterns;
    }

    /** Rule 4: a child on a plan not seen for 10 working days. */
    private static List<PracticePatternView> childNotSeenOnPlan(Seen seen, CaseStateView caseState) {
        if (!caseState.onChildProtectionPlan()) {
            return List.of();
        }
        ChronologyEntryView plan = null;
        for (ChronologyEntryView entry : seen.ofKind(EntryKind.CHILD_PROTECTION_PLAN_STARTED)) {
            plan = entry;
        }
        ChronologyEntryView lastSeen = null;
        for (ChronologyEntryView entry : seen.ofKind(EntryKind.CHILD_SEEN)) {
            if (!entry.occurredAt().isBefore(plan.occurredAt())) {
                lastSeen = entry;
            }
        }
        Instant since = workingDaysAfter(lastSeen == null ? plan.occurredAt() : lastSeen.occurredAt(), 10);
        return List.of(pattern(PatternKind.CHILD_NOT_SEEN_ON_PLAN, since, List.of(plan.agencyId()),
                lastSeen == null ? List.of(plan) : List.of(plan, lastSeen)));
    }

    /** Rule 5: a plan action without an owner, a due date or a contingency. */
    private static List<PracticePatternView> planActionIncomplete(Seen seen) {
        List<PracticePatternView> patterns = new ArrayList<>();
        for (ChronologyEntryView entry : seen.entries) {
            for (int index = 0; index < entry.actions().size(); index++) {
                PlanAction action = entry.actions().get(index);
                List<PlanActionPart> missing = new ArrayList<>();
                if (action.ownerAgencyId() == null) {
                    missing.add(PlanActionPart.OWNER);
                }
                if (action.dueBy() == null) {
                    missing.add(PlanActionPart.DUE_DATE);
                }
                if (action.contingency() == null) {
                    missing.add(PlanActionPart.CONTINGENCY);
                }
                if (!missing.isEmpty()) {
                    patterns.add(new PracticePatternView(PatternKind.PLAN_ACTION_INCOMPLETE, entry.occurredAt(),
                            List.of(entry.agencyId()), List.of(entry), null, index, missing, ""));
                }
            }
        }
        return patterns;
    }

    /** Rule 6: two referrals about a shared concern decided differently. */
    private static List<PracticePatternView> inconsistentThreshold(Seen seen) {
        List<ChronologyEntryView> decided = new ArrayList<>();
        for (ChronologyEntryView entry : seen.ofKind(EntryKind.REFERRAL)) {
            if (entry.thresholdDecision() != null) {
                decided.add(entry);
            }
        }
        List<PracticePatternView> patterns = new ArrayList<>();
        for (int y = 0; y < decided.size(); y++) {
            ChronologyEntryView later = decided.get(y);
            ChronologyEntryView earlier = null;
            for (int x = 0; x < y; x++) {
                if (!Collections.disjoint(decided.get(x).concerns(), later.concerns())) {
                    earlier = decided.get(x);
                }
            }
            if (earlier != null && earlier.thresholdDecision() != later.thresholdDecision()) {
                patterns.add(pattern(PatternKind.INCONSISTENT_THRESHOLD, later.occurredAt(),
                        agencies(earlier.agencyId(), later.agencyId()), List.of(earlier, later)));
            }
        }
        return patterns;
    }

    /** Rule 7: an escalation the challenged agency did not answer within 5 working days. */
    private static List<PracticePatternView> escalationUnanswered(Seen seen) {
        List<PracticePatternView> patterns = new ArrayList<>();
        for (ChronologyEntryView escalation : seen.ofKind(EntryKind.ESCALATION)) {
            String challenged = escalation.escalatedTo();
            if (challenged == null) {
                continue;
            }
            Instant since = workingDaysAfter(escalation.occurredAt(), 5);
            boolean answered = false;
            for (ChronologyEntryView entry : seen.entries) {
                if (entry.agencyId().equals(challenged) && escalation.id().equals(entry.respondsTo())
                        && entry.occurredAt().isBefore(since)) {
                    answered = true;
                }
            }
            if (!answered) {
                patterns.add(pattern(PatternKind.ESCALATION_UNANSWERED, since,
                        agencies(escalation.agencyId(), challenged), List.of(escalation)));
            }
        }
        return patterns;
    }

    /** Rule 8: no initial child protection conference within 15 working days of the strategy discussion. */
    private static List<PracticePatternView> conferenceLate(Seen seen) {
        List<PracticePatternView> patterns = new ArrayList<>();
        for (ChronologyEntryView enquiry : seen.ofKind(EntryKind.SECTION_47_ENQUIRY)) {
            ChronologyEntryView lastPlanEntry = null;
            for (ChronologyEntryView entry : seen.entries) {
                if ((entry.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED
                        || entry.kind() == EntryKind.CHILD_PROTECTION_PLAN_ENDED)
                        && !entry.occurredAt().isAfter(enquiry.occurredAt())) {
                    lastPlanEntry = entry;
                }
            }
            if (lastPlanEntry != null && lastPlanEntry.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED) {
                continue;
            }
            ChronologyEntryView discussion = enquiry;
            for (ChronologyEntryView entry : seen.ofKind(EntryKind.STRATEGY_DISCUSSION)) {
                if (between(entry.occurredAt(), enquiry.occurredAt().minus(THIRTY_DAYS), enquiry.occurredAt())) {
                    discussion = entry;
                }
            }
            Instant since = workingDaysAfter(discussion.occurredAt(), 15);
            ChronologyEntryView conference = null;
            for (ChronologyEntryView entry : seen.ofKind(EntryKind.CHILD_PROTECTION_CONFERENCE)) {
                if (!entry.occurredAt().isBefore(discussion.occurredAt())) {
                    conference = entry;
                    break;
                }
            }
            if (conference != null && conference.occurredAt().isBefore(since)) {
                continue;
            }
            List<ChronologyEntryView> evidence = new ArrayList<>();
            if (discussion != enquiry) {
                evidence.add(discussion);
            }
            evidence.add(enquiry);
            if (conference != null) {
                evidence.add(conference);
            }
            patterns.add(pattern(PatternKind.CONFERENCE_LATE, since, List.of(enquiry.agencyId()), evidence));
        }
        return patterns;
    }

    private static final Set<EntryKind> DECISIONS = EnumSet.of(EntryKind.STRATEGY_DISCUSSION,
            EntryKind.SECTION_47_ENQUIRY, EntryKind.CHILD_PROTECTION_CONFERENCE);

    /** Rule 9: a decision by an agency that did not know significant information another agency held. */
    private static List<PracticePatternView> decisionWithoutKnownInformation(Seen seen) {
        List<PracticePatternView> patterns = new ArrayList<>();
        for (ChronologyEntryView decision : seen.entries) {
            boolean isDecision = DECISIONS.contains(decision.kind())
                    || (decision.kind() == EntryKind.REFERRAL && decision.thresholdDecision() != null);
            if (!isDecision) {
                continue;
            }
            String decider = decision.agencyId();
            Instant decidedAt = decision.occurredAt();
            List<ChronologyEntryView> unknown = new ArrayList<>();
            for (ChronologyEntryView entry : seen.entries) {
                if (entry == decision
                        || (entry.significance() != Significance.SIGNIFICANT
                            && entry.significance() != Significance.CRITICAL)
                        || entry.occurredAt().isAfter(decidedAt)
                        || (entry.kind() == EntryKind.ESCALATION && decider.equals(entry.escalatedTo()))) {
                    continue;
                }
                Map<String, Instant> since = seen.sinceAtR.get(entry.id());
                boolean inTheNetwork = since.values().stream().anyMatch(instant -> !instant.isAfter(decidedAt));
                Instant decidersSince = since.get(decider);
                if (inTheNetwork && (decidersSince == null || decidersSince.isAfter(decidedAt))) {
                    unknown.add(entry);
                }
            }
            if (!unknown.isEmpty()) {
                List<ChronologyEntryView> evidence = new ArrayList<>();
                evidence.add(decision);
                evidence.addAll(unknown);
                patterns.add(pattern(PatternKind.DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(decider),
                        evidence));
            }
        }
        return patterns;
    }

    // ---------------------------------------------------------------------------------------------- the terms

    /** dateOfBirth plus one year; born on 29 February: 1 March. */
    static LocalDate firstBirthday(LocalDate dateOfBirth) {
        if (dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29) {
            return LocalDate.of(dateOfBirth.getYear() + 1, Month.MARCH, 1);
        }
        return dateOfBirth.plusYears(1);
    }

    /** WD(I, n): 00:00 Europe/London on the calendar day after the n-th working day after the London date of I. */
    static Instant workingDaysAfter(Instant instant, int n) {
        LocalDate nthWorkingDay = WorkingDays.after(WorkingDays.londonDate(instant), n);
        return nthWorkingDay.plusDays(1).atStartOfDay(WorkingDays.LONDON).toInstant();
    }

    /** from <= instant <= to. */
    private static boolean between(Instant instant, Instant from, Instant to) {
        return !instant.isBefore(from) && !instant.isAfter(to);
    }

    /** Agency ids distinct, ordered by id. */
    private static List<String> agencies(String... agencyIds) {
        return agencies(List.of(agencyIds));
    }

    private static List<String> agencies(List<String> agencyIds) {
        return List.copyOf(new TreeSet<>(agencyIds));
    }

    private static PracticePatternView pattern(PatternKind kind, Instant since, List<String> agencyIds,
                                               List<ChronologyEntryView> entries) {
        return new PracticePatternView(kind, since, agencyIds, entries, null, null, List.of(), "");
    }

    /**
     * The considered entries: those of chronology(knownAt: T, recordedAsOf: R) that occurred by T, in chronology
     * order, each as that chronology shows it (knowledge cut at T, no previous entry); and every agency's since
     * for each of them at R.
     */
    private static final class Seen {
        final List<ChronologyEntryView> entries = new ArrayList<>();
        final Map<String, ChronologyEntryView> byId = new LinkedHashMap<>();
        final Map<String, Map<String, Instant>> sinceAtR = new LinkedHashMap<>();

        Seen(RecordAsOf record, Instant at) {
            for (Entry entry : record.entries.values()) {
                Version shown = entry.shown();
                if (shown.retracted() || shown.occurredAt().isAfter(at)) {
                    continue;
                }
                List<Knowledge> knowledge = record.knowledge(entry);
                boolean knownByT = knowledge.stream().anyMatch(known -> !known.since().isAfter(at));
                if (!knownByT) {
                    continue;
                }
                List<Knowledge> knownTo = new ArrayList<>();
                Map<String, Instant> since = new LinkedHashMap<>();
                for (Knowledge known : knowledge) {
                    since.put(known.agencyId(), known.since());
                    if (!known.since().isAfter(at)) {
                        knownTo.add(known);
                    }
                }
                ChronologyEntryView view = entry.view(knownTo);
                entries.add(view);
                byId.put(view.id(), view);
                sinceAtR.put(view.id(), since);
            }
            entries.sort(CHRONOLOGY_ORDER);
        }

        /** The considered entries of the kind, in chronology order. */
        List<ChronologyEntryView> ofKind(EntryKind kind) {
            List<ChronologyEntryView> ofKind = new ArrayList<>();
            for (ChronologyEntryView entry : entries) {
                if (entry.kind() == kind) {
                    ofKind.add(entry);
                }
            }
            return ofKind;
        }
    }

    /** An entry as recorded by R: its first version's fixed fields and every version recorded by R. */
    private static final class Entry {
        final EntryRecorded recorded;
        final List<Version> history = new ArrayList<>();

        Entry(EntryRecorded recorded, Instant recordedAt) {
            this.recorded = recorded;
            history.add(new Version(1, recordedAt, recorded.occurredAt(), recorded.occurredAtPrecision(),
                    recorded.knownAt(), recorded.kind(), recorded.summary(), recorded.significance(), null, false,
                    recorded.concerns(), recorded.thresholdDecision(), recorded.actions()));
        }

        /** The latest version recorded by R (a retraction when it was retracted by R). */
        Version shown() {
            return history.get(history.size() - 1);
        }

        ChronologyEntryView view(List<Knowledge> knownTo) {
            Version shown = shown();
            return new ChronologyEntryView(recorded.entryId(), recorded.childId(), recorded.agencyId(),
                    recorded.sourceRef(), shown.kind(), shown.occurredAt(), shown.occurredAtPrecision(),
                    shown.knownAt(), shown.recordedAt(), shown.summary(), shown.significance(),
                    recorded.professional(), recorded.personIds(), shown.version(), List.copyOf(knownTo),
                    List.copyOf(history), null, shown.concerns(), shown.thresholdDecision(), shown.actions(),
                    recorded.escalatedTo(), recorded.respondsTo(), null);
        }
    }

    /** The child's record as it stood at R: the events recorded at or before R, folded in stream order. */
    private static final class RecordAsOf {
        final Map<String, Entry> entries = new LinkedHashMap<>();
        /** Every share recorded by R, in stream order. */
        final List<InformationShared> shares = new ArrayList<>();
        LocalDate dateOfBirth;
        long eventsReplayed;

        static RecordAsOf fold(List<LiteralReplay.Recorded> events, Instant recordedAsOf) {
            RecordAsOf record = new RecordAsOf();
            for (LiteralReplay.Recorded event : events) {
                Object payload = event.payload();
                // the child's registration cannot change, so its date of birth is read whenever it was recorded
                if (payload instanceof ChildRegistered registered) {
                    record.dateOfBirth = registered.dateOfBirth();
                }
                if (event.recordedAt().isAfter(recordedAsOf)) {
                    continue;
                }
                record.eventsReplayed++;
                if (payload instanceof EntryRecorded recorded) {
                    record.entries.put(recorded.entryId(), new Entry(recorded, event.recordedAt()));
                } else if (payload instanceof EntryCorrected corrected) {
                    Entry entry = record.entries.get(corrected.entryId());
                    if (entry != null) {
                        entry.history.add(new Version(corrected.version(), event.recordedAt(),
                                corrected.occurredAt(), corrected.occurredAtPrecision(), corrected.knownAt(),
                                corrected.kind(), corrected.summary(), corrected.significance(), corrected.reason(),
                                false, corrected.concerns(), corrected.thresholdDecision(), corrected.actions()));
                        entry.history.sort(Comparator.comparingInt(Version::version));
                    }
                } else if (payload instanceof EntryRetracted retracted) {
                    Entry entry = record.entries.get(retracted.entryId());
                    if (entry != null) {
                        Version previous = entry.shown();
                        entry.history.add(new Version(retracted.version(), event.recordedAt(), previous.occurredAt(),
                                previous.occurredAtPrecision(), previous.knownAt(), previous.kind(),
                                previous.summary(), previous.significance(), retracted.reason(), true,
                                previous.concerns(), previous.thresholdDecision(), previous.actions()));
                        entry.history.sort(Comparator.comparingInt(Version::version));
                    }
                } else if (payload instanceof InformationShared shared) {
                    record.shares.add(shared);
                }
            }
            return record;
        }

        /**
         * Rule 2 of the chronology at R: the recorder from the shown version's knownAt, any other agency from its
         * earliest share (on a tie, the one first in stream order); ordered by since, then agency id.
         */
        List<Knowledge> knowledge(Entry entry) {
            String recorder = entry.recorded.agencyId();
            Map<String, Knowledge> byAgency = new LinkedHashMap<>();
            byAgency.put(recorder, new Knowledge(recorder, entry.shown().knownAt(), KnowledgeSource.OWN_RECORD, null));
            for (InformationShared share : shares) {
                if (!share.entryIds().contains(entry.recorded.entryId()) || share.toAgencyId().equals(recorder)) {
                    continue;
                }
                Knowledge before = byAgency.get(share.toAgencyId());
                if (before == null || share.sharedAt().isBefore(before.since())) {
                    byAgency.put(share.toAgencyId(), new Knowledge(share.toAgencyId(), share.sharedAt(),
                            KnowledgeSource.SHARED, share.channel()));
                }
            }
            List<Knowledge> knowledge = new ArrayList<>(byAgency.values());
            knowledge.sort(Comparator.comparing(Knowledge::since).thenComparing(Knowledge::agencyId));
            return knowledge;
        }
    }
}
