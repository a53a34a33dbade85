package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/**
 * Answers the {@link ChronologyPages} of {@code chronology} with the same filters in pages of {@code first}: where
 * each page after the first begins, so that a reader may ask for them side by side rather than one after another.
 */
public record FindChronologyPages(String childId, String knownBy, Instant knownAt, Instant recordedAsOf,
                                  String personId, int first) {
}
