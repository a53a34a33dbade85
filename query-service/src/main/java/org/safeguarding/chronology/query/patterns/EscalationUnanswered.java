package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.patterns.PatternKind;

/** Rule 7: an escalation the challenged agency did not answer within 5 working days. */
final class EscalationUnanswered implements PatternRule {

    static final int WORKING_DAYS_TO_ANSWER = 5;

    @Override
    public List<Found> find(SeenAt seen) {
        Map<String, List<ChronologyEntryView>> answers = new HashMap<>();
        for (ChronologyEntryView entry : seen.considered()) {
            if (entry.respondsTo() != null) {
                answers.computeIfAbsent(entry.respondsTo(), id -> new ArrayList<>()).add(entry);
            }
        }
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView escalation : seen.considered()) {
            if (escalation.kind() != EntryKind.ESCALATION || escalation.escalatedTo() == null) {
                continue;
            }
            String challenged = escalation.escalatedTo();
            Instant since = Deadlines.workingDays(escalation.occurredAt(), WORKING_DAYS_TO_ANSWER);
            boolean answered = answers.getOrDefault(escalation.id(), List.of()).stream()
                    .anyMatch(answer -> answer.agencyId().equals(challenged) && answer.occurredAt().isBefore(since));
            if (since.isAfter(seen.at()) || answered) {
                continue;
            }
            found.add(Found.of(PatternKind.ESCALATION_UNANSWERED, since,
                    List.of(escalation.agencyId(), challenged), List.of(escalation),
                    words -> "%s escalated a concern to %s on %s and had no answer within 5 working days."
                            .formatted(words.agency(escalation.agencyId()), words.agency(challenged),
                                    Words.date(escalation.occurredAt()))));
        }
        return found;
    }
}
