package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/**
 * Answers a {@link ChronologyPage}. Null filters are left out; recordedAsOf null means now. personId keeps the
 * entries that name that person.
 */
public record FindChronology(String childId, String knownBy, Instant knownAt, Instant recordedAsOf, int first,
                             String after, String personId) {

    public FindChronology(String childId, String knownBy, Instant knownAt, Instant recordedAsOf, int first,
                          String after) {
        this(childId, knownBy, knownAt, recordedAsOf, first, after, null);
    }
}
