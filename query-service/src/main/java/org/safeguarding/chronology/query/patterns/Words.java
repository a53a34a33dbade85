package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;

/** The words a chair would use: agencies by name, dates as London dates, entries by kind and date. */
final class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK)
            .withZone(WorkingDays.LONDON);

    private final Map<String, String> agencyNames;
    private final String child;

    Words(Map<String, String> agencyNames, String child) {
        this.agencyNames = agencyNames;
        this.child = child;
    }

    /** The agency's name, or its id while the directory does not have it. */
    String agency(String agencyId) {
        return agencyNames.getOrDefault(agencyId, agencyId);
    }

    String agencies(List<String> agencyIds) {
        List<String> names = agencyIds.stream().map(this::agency).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    String child() {
        return child;
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** The London date of the day that ends at a deadline (a deadline is 00:00 of the day after). */
    static String lastDayBefore(Instant deadline) {
        return date(deadline.minusNanos(1));
    }

    /** "the strategy discussion of 14/04/2019" */
    static String entry(ChronologyEntryView entry) {
        return "the " + kind(entry.kind()) + " of " + date(entry.occurredAt());
    }

    static String kind(EntryKind kind) {
        return switch (kind) {
            case SECTION_47_ENQUIRY -> "section 47 enquiry";
            case CHILD_PROTECTION_PLAN_STARTED -> "start of the child protection plan";
            case CHILD_PROTECTION_PLAN_ENDED -> "end of the child protection plan";
            case CHILD_SEEN -> "visit where the child was seen";
            case OTHER -> "entry";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
