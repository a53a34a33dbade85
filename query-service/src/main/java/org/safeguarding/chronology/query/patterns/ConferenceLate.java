package org.safeguarding.chronology.query.patterns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.patterns.PatternKind;

/**
 * Rule 8: the initial child protection conference not held within 15 working days of the strategy discussion
 * (of the section 47 enquiry itself, without a strategy discussion in the 30 days before it).
 */
final class ConferenceLate implements PatternRule {

    static final int WORKING_DAYS_TO_CONFER = 15;
    static final Duration DISCUSSION_BEFORE_ENQUIRY = Duration.ofDays(30);

    @Override
    public List<Found> find(SeenAt seen) {
        List<ChronologyEntryView> considered = seen.considered();
        List<ChronologyEntryView> discussions = of(considered, EntryKind.STRATEGY_DISCUSSION);
        List<ChronologyEntryView> conferences = of(considered, EntryKind.CHILD_PROTECTION_CONFERENCE);
        List<ChronologyEntryView> plans = considered.stream()
                .filter(entry -> entry.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED
                        || entry.kind() == EntryKind.CHILD_PROTECTION_PLAN_ENDED)
                .toList();
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView enquiry : considered) {
            if (enquiry.kind() != EntryKind.SECTION_47_ENQUIRY) {
                continue;
            }
            ChronologyEntryView lastPlan = InChronologyOrder.lastBy(plans, enquiry.occurredAt());
            if (lastPlan != null && lastPlan.kind() == EntryKind.CHILD_PROTECTION_PLAN_STARTED) {
                continue;
            }
            ChronologyEntryView discussion = InChronologyOrder.lastBy(discussions, enquiry.occurredAt());
            if (discussion == null
                    || discussion.occurredAt().isBefore(enquiry.occurredAt().minus(DISCUSSION_BEFORE_ENQUIRY))) {
                discussion = enquiry;
            }
            Instant since = Deadlines.workingDays(discussion.occurredAt(), WORKING_DAYS_TO_CONFER);
            ChronologyEntryView conference = InChronologyOrder.firstFrom(conferences, discussion.occurredAt());
            if (since.isAfter(seen.at()) || (conference != null && conference.occurredAt().isBefore(since))) {
                continue;
            }
            List<ChronologyEntryView> entries = new ArrayList<>();
            if (discussion != enquiry) {
                entries.add(discussion);
            }
            entries.add(enquiry);
            if (conference != null) {
                entries.add(conference);
            }
            ChronologyEntryView from = discussion;
            found.add(Found.of(PatternKind.CONFERENCE_LATE, since, List.of(enquiry.agencyId()), entries,
                    words -> "%s started a section 47 enquiry on %s and the initial child protection conference %s, not within 15 working days of %s."
                            .formatted(words.agency(enquiry.agencyId()), Words.date(enquiry.occurredAt()),
                                    conference == null ? "had not been held by the end of " + Words.lastDayBefore(since)
                                            : "was held on " + Words.date(conference.occurredAt()),
                                    from == enquiry ? "the enquiry" : Words.entry(from))));
        }
        return found;
    }

    private static List<ChronologyEntryView> of(List<ChronologyEntryView> considered, EntryKind kind) {
        return considered.stream().filter(entry -> entry.kind() == kind).toList();
    }
}
