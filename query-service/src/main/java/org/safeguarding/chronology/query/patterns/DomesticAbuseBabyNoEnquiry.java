package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.patterns.PatternKind;

/**
 * Rule 1: a domestic abuse incident while the child was under one (or unborn, up to 280 days before the birth)
 * with no strategy discussion or section 47 enquiry within 7 days.
 */
final class DomesticAbuseBabyNoEnquiry implements PatternRule {

    static final int DAYS_TO_ENQUIRE = 7;
    static final int DAYS_OF_PREGNANCY = 280;

    @Override
    public List<Found> find(SeenAt seen) {
        if (seen.dateOfBirth() == null) {
            return List.of();
        }
        LocalDate firstBirthday = Deadlines.firstBirthday(seen.dateOfBirth());
        LocalDate conceived = seen.dateOfBirth().minusDays(DAYS_OF_PREGNANCY);
        List<ChronologyEntryView> enquiries = seen.considered().stream()
                .filter(entry -> entry.kind() == EntryKind.STRATEGY_DISCUSSION
                        || entry.kind() == EntryKind.SECTION_47_ENQUIRY)
                .toList();
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView incident : seen.considered()) {
            if (incident.kind() != EntryKind.DOMESTIC_ABUSE_INCIDENT) {
                continue;
            }
            LocalDate day = WorkingDays.londonDate(incident.occurredAt());
            if (!day.isBefore(firstBirthday) || day.isBefore(conceived)) {
                continue;
            }
            Instant since = Deadlines.plusDays(incident.occurredAt(), DAYS_TO_ENQUIRE);
            if (since.isAfter(seen.at()) || InChronologyOrder.anyBetween(enquiries, incident.occurredAt(), since)) {
                continue;
            }
            boolean unborn = day.isBefore(seen.dateOfBirth());
            found.add(Found.of(PatternKind.DOMESTIC_ABUSE_BABY_NO_ENQUIRY, since, List.of(incident.agencyId()),
                    List.of(incident), words -> "%s recorded a domestic abuse incident on %s, when %s was %s, and "
                            .formatted(words.agency(incident.agencyId()), Words.date(incident.occurredAt()),
                                    words.child(), unborn ? "not yet born" : "under one year old")
                            + "no strategy discussion or section 47 enquiry followed within 7 days."));
        }
        return found;
    }
}
