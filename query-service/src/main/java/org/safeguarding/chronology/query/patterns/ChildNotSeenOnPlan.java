package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.patterns.PatternKind;

/** Rule 4: a child on a child protection plan not seen for 10 working days. */
final class ChildNotSeenOnPlan implements PatternRule {

    static final int WORKING_DAYS_TO_SEE = 10;

    @Override
    public List<Found> find(SeenAt seen) {
        if (!seen.caseState().onChildProtectionPlan()) {
            return List.of();
        }
        ChronologyEntryView plan = null;
        ChronologyEntryView lastSeen = null;
        for (ChronologyEntryView entry : seen.considered()) {
            if (entry.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED) {
                plan = entry;
            }
        }
        for (ChronologyEntryView entry : seen.considered()) {
            if (entry.kind() == EntryKind.CHILD_SEEN && !entry.occurredAt().isBefore(plan.occurredAt())) {
                lastSeen = entry;
            }
        }
        ChronologyEntryView from = lastSeen == null ? plan : lastSeen;
        Instant since = Deadlines.workingDays(from.occurredAt(), WORKING_DAYS_TO_SEE);
        if (since.isAfter(seen.at())) {
            return List.of();
        }
        ChronologyEntryView start = plan;
        ChronologyEntryView seenLast = lastSeen;
        return List.of(Found.of(PatternKind.CHILD_NOT_SEEN_ON_PLAN, since, List.of(plan.agencyId()),
                lastSeen == null ? List.of(plan) : List.of(plan, lastSeen),
                words -> "%s was on a child protection plan from %s and %s within 10 working days (by the end of %s)."
                        .formatted(words.child(), Words.date(start.occurredAt()),
                                seenLast == null ? "was not recorded as seen"
                                        : "was not recorded as seen after " + Words.date(seenLast.occurredAt()),
                                Words.lastDayBefore(since))));
    }
}
