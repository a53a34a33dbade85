package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.ArrayList;
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

    @Override
    public List<Found> find(SeenAt seen) {
        List<ChronologyEntryView> significant = seen.considered().stream()
                .filter(entry -> entry.significance() != Significance.ROUTINE)
                .toList();
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView decision : seen.considered()) {
            if (!isDecision(decision)) {
                continue;
            }
            String decider = decision.agencyId();
            Instant decidedAt = decision.occurredAt();
            List<ChronologyEntryView> unknown = new ArrayList<>();
            for (ChronologyEntryView entry : significant) {
                if (entry.occurredAt().isAfter(decidedAt)) {
                    break;
                }
                if (entry != decision && knownInTheNetwork(entry, decidedAt) && !knownTo(entry, decider, decidedAt)
                        && !(entry.kind() == EntryKind.ESCALATION && decider.equals(entry.escalatedTo()))) {
                    unknown.add(entry);
                }
            }
            if (unknown.isEmpty()) {
                continue;
            }
            List<ChronologyEntryView> entries = new ArrayList<>(unknown.size() + 1);
            entries.add(decision);
            entries.addAll(unknown);
            List<String> holders = unknown.stream().map(ChronologyEntryView::agencyId).distinct().sorted().toList();
            found.add(Found.of(PatternKind.DECISION_WITHOUT_KNOWN_INFORMATION, decidedAt, List.of(decider), entries,
                    words -> "%s recorded %s without knowing %s recorded by %s and known to another agency by then."
                            .formatted(words.agency(decider), Words.entry(decision),
                                    Words.plural(unknown.size(), "significant entry", "significant entries"),
                                    words.agencies(holders))));
        }
        return found;
    }

    static boolean isDecision(ChronologyEntryView entry) {
        return DECISIONS.contains(entry.kind())
                || (entry.kind() == EntryKind.REFERRAL && entry.thresholdDecision() != null);
    }

    private static boolean knownInTheNetwork(ChronologyEntryView entry, Instant instant) {
        return entry.knownTo().stream().anyMatch(knowledge -> !knowledge.since().isAfter(instant));
    }

    private static boolean knownTo(ChronologyEntryView entry, String agencyId, Instant instant) {
        for (Knowledge knowledge : entry.knownTo()) {
            if (knowledge.agencyId().equals(agencyId)) {
                return !knowledge.since().isAfter(instant);
            }
        }
        return false;
    }
}
