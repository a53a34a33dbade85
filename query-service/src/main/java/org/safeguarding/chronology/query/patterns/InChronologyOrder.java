package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;

/**
 * Searches in entries kept in chronology order, which is by occurredAt first: "the last one by this instant",
 * "the first one from this instant", by binary search.
 */
final class InChronologyOrder {

    private InChronologyOrder() {
    }

    /** The index of the first entry with occurredAt >= the instant (the size when there is none). */
    static int firstNotBefore(List<ChronologyEntryView> entries, Instant instant) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).occurredAt().isBefore(instant)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first entry with occurredAt >= the instant, or null. */
    static ChronologyEntryView firstFrom(List<ChronologyEntryView> entries, Instant instant) {
        int index = firstNotBefore(entries, instant);
        return index == entries.size() ? null : entries.get(index);
    }

    /** The last entry with occurredAt <= the instant, or null. */
    static ChronologyEntryView lastBy(List<ChronologyEntryView> entries, Instant instant) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).occurredAt().isAfter(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low == 0 ? null : entries.get(low - 1);
    }

    /** Whether an entry occurred in [from, to], both included. */
    static boolean anyBetween(List<ChronologyEntryView> entries, Instant from, Instant to) {
        ChronologyEntryView first = firstFrom(entries, from);
        return first != null && !first.occurredAt().isAfter(to);
    }
}
