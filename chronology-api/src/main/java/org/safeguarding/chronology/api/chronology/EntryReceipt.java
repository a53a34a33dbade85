package org.safeguarding.chronology.api.chronology;

import java.time.Instant;

/** recordedAt is the stored event's own timestamp; a duplicate answers the first submission's. */
public record EntryReceipt(String entryId, Instant recordedAt, boolean duplicate) {
}
