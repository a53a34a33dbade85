package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/** Answers a {@link ChronologyPage}. Null filters are left out; recordedAsOf null means now. */
public record FindChronology(String childId, String knownBy, Instant knownAt, Instant recordedAsOf, int first,
                             String after) {
}
