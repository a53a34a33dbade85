package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/**
 * Answers a {@link ChronologyEntryView}, or null. recordedAsOf null means now. knownBy: null unless that agency
 * knew the entry as the record stood at recordedAsOf (its own, or shared with it); null for every agency.
 */
public record FindEntry(String entryId, Instant recordedAsOf, String knownBy) {

    public FindEntry(String entryId, Instant recordedAsOf) {
        this(entryId, recordedAsOf, null);
    }

}
