package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/** Answers a {@link ChronologyEntryView}, or null. recordedAsOf null means now. */
public record FindEntry(String entryId, Instant recordedAsOf) {
}
