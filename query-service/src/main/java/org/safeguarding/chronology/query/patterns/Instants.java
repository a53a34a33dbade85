package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;

/** The occurredAt of some entries, sorted, for questions of the kind "is there one between a and b". */
final class Instants {

    private final Instant[] sorted;

    private Instants(Instant[] sorted) {
        this.sorted = sorted;
    }

    static Instants of(List<ChronologyEntryView> entries, Predicate<ChronologyEntryView> which) {
        return new Instants(entries.stream().filter(which).map(ChronologyEntryView::occurredAt).sorted()
                .toArray(Instant[]::new));
    }

    /** Whether one lies in [from, to], both included. */
    boolean anyBetween(Instant from, Instant to) {
        int first = firstNotBefore(sorted, from);
        return first < sorted.length && !sorted[first].isAfter(to);
    }

    /** The index of the first instant not before the given one (the length when there is none). */
    static int firstNotBefore(Instant[] sorted, Instant instant) {
        int index = Arrays.binarySearch(sorted, instant);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1].equals(instant)) {
            index--;
        }
        return index;
    }
}
