package org.safeguarding.chronology.query.patterns;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.patterns.PatternKind;

/** Rule 6: a referral decided differently from the last referral with a concern in common. */
final class InconsistentThreshold implements PatternRule {

    @Override
    public List<Found> find(SeenAt seen) {
        List<Found> found = new ArrayList<>();
        Map<Concern, Integer> lastWith = new EnumMap<>(Concern.class);
        List<ChronologyEntryView> considered = seen.considered();
        for (int index = 0; index < considered.size(); index++) {
            ChronologyEntryView referral = considered.get(index);
            if (referral.kind() != EntryKind.REFERRAL || referral.thresholdDecision() == null) {
                continue;
            }
            int previous = referral.concerns().stream().mapToInt(concern -> lastWith.getOrDefault(concern, -1))
                    .max().orElse(-1);
            if (previous >= 0 && considered.get(previous).thresholdDecision() != referral.thresholdDecision()) {
                ChronologyEntryView earlier = considered.get(previous);
                found.add(Found.of(PatternKind.INCONSISTENT_THRESHOLD, referral.occurredAt(),
                        List.of(earlier.agencyId(), referral.agencyId()), List.of(earlier, referral),
                        words -> "The referral of %s by %s was decided as %s; the earlier referral of %s by %s, with a concern in common, as %s."
                                .formatted(Words.date(referral.occurredAt()), words.agency(referral.agencyId()),
                                        decision(referral.thresholdDecision()), Words.date(earlier.occurredAt()),
                                        words.agency(earlier.agencyId()), decision(earlier.thresholdDecision()))));
            }
            for (Concern concern : referral.concerns()) {
                lastWith.put(concern, index);
            }
        }
        return found;
    }

    private static String decision(ThresholdDecision decision) {
        return switch (decision) {
            case SECTION_47_ENQUIRY -> "a section 47 enquiry";
            case CHILD_IN_NEED_ASSESSMENT -> "a child in need assessment";
            case STRATEGY_DISCUSSION -> "a strategy discussion";
            case INFORMATION_AND_ADVICE -> "information and advice";
            default -> decision.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
