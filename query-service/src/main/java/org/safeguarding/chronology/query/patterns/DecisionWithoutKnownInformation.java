package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.patterns.PatternKind;

/**
 * Rule 9: a decision taken while significant information sat with another agency: known in the network by the
 * time of the decision, but not to the agency deciding.
 */
final class DecisionWithoutKnownInformation implements PatternRule {

    private static final Set<EntryKind> DECISIONS = EnumSet.of(EntryKind.STRATEGY_DISCUSSION,
            EntryKind.SECTION_47_ENQUIRY, EntryKind.CHILD_PROTECTION_CONFERENCE);

    /**
     * Each deciding agency's decisions in time order, with the significant entries it did not know kept as a set
     * that entries join once known to some agency and leave once known to the decider: one sweep per agency rather
     * than a scan of every earlier entry per decision.
     */
    @Override
    public List<Found> find(SeenAt seen) {
        List<ChronologyEntryView> significant = seen.considered().stream()
                .filter(entry -> entry.significance() != Significance.ROUTINE)
                .toList();
        Map<String, List<ChronologyEntryView>> decisionsBy = new TreeMap<>();
        for (ChronologyEntryView entry : seen.considered()) {
            if (isDecision(entry)) {
                decisionsBy.computeIfAbsent(entry.agencyId(), agency -> new ArrayList<>()).add(entry);
            }
        }
        List<Found> found = new ArrayList<>();
        Integer[] byKnown = byInstant(significant, DecisionWithoutKnownInformation::firstKnown);
        decisionsBy.forEach((decider, decisions) -> sweep(decider, decisions, significant, byKnown, found));
        return found;
    }

    private static void sweep(String decider, List<ChronologyEntryView> decisions, List<ChronologyEntryView> significant,
                              Integer[] byKnown, List<Found> found) {
        Instant[] knownToDecider = new Instant[significant.size()];
        for (int i = 0; i < significant.size(); i++) {
            knownToDecider[i] = since(significant.get(i), decider);
        }
        Integer[] byDecider = IntStream.range(0, significant.size()).filter(i -> knownToDecider[i] != null)
                .boxed().sorted(Comparator.comparing(i -> knownToDecider[i])).toArray(Integer[]::new);
        BitSet unknown = new BitSet(significant.size());
        int joined = 0;
        int left = 0;
        for (ChronologyEntryView decision : decisions) { // in chronology order, so by occurredAt
            Instant decidedAt = decision.occurredAt();
            for (; joined < byKnown.length && !firstKnown(significant.get(byKnown[joined])).isAfter(decidedAt); joined++) {
                int index = byKnown[joined];
                ChronologyEntryView entry = significant.get(index);
                boolean toldByTheEscalation = entry.kind() == EntryKind.ESCALATION && decider.equals(entry.escalatedTo());
                if (!toldByTheEscalation && (knownToDecider[index] == null || knownToDecider[index].isAfter(decidedAt))) {
                    unknown.set(index);
                }
            }
            for (; left < byDecider.length && !knownToDecider[byDecider[left]].isAfter(decidedAt); left++) {
                unknown.clear(byDecider[left]);
            }
            List<ChronologyEntryView> entries = new ArrayList<>();
            entries.add(decision);
            for (int index = unknown.nextSetBit(0); index >= 0; index = unknown.nextSetBit(index + 1)) {
                if (significant.get(index) != decision) {
                    entries.add(significant.get(index));
                }
            }
            if (entries.size() == 1) {
                continue;
            }
            List<ChronologyEntryView> unknownEntries = entries.subList(1, entries.size());
            List<String> holders = unknownEntries.stream().map(ChronologyEntryView::agencyId).distinct().sorted()
                    .toList();
            int count = unknownEntries.size();
            found.add(Found.of(PatternKind.DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(decider),
                    List.copyOf(entries),
                    words -> "%s recorded %s without knowing %s recorded by %s and known to another agency by then."
                            .formatted(words.agency(decider), Words.entry(decision),
                                    Words.plural(count, "significant entry", "significant entries"),
                                    words.agencies(holders))));
        }
    }

    /**
     * When an entry is in the network as a decision at that instant sees it: it has occurred and some agency
     * knows it (knownTo is ordered by since).
     */
    private static Instant firstKnown(ChronologyEntryView entry) {
        Instant since = entry.knownTo().get(0).since();
        return since.isAfter(entry.occurredAt()) ? since : entry.occurredAt();
    }

    private static Integer[] byInstant(List<ChronologyEntryView> entries,
                                       java.util.function.Function<ChronologyEntryView, Instant> instant) {
        return IntStream.range(0, entries.size()).boxed()
                .sorted(Comparator.comparing(i -> instant.apply(entries.get(i)))).toArray(Integer[]::new);
    }

    /** The agency's since for the entry, or null when it does not know it. */
    private static Instant since(ChronologyEntryView entry, String agencyId) {
        for (Knowledge knowledge : entry.knownTo()) {
            if (knowledge.agencyId().equals(agencyId)) {
                return knowledge.since();
            }
        }
        return null;
    }

    static boolean isDecision(ChronologyEntryView entry) {
        return DECISIONS.contains(entry.kind())
                || (entry.kind() == EntryKind.REFERRAL && entry.thresholdDecision() != null);
    }
}
