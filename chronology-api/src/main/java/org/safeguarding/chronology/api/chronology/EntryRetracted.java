package org.safeguarding.chronology.api.chronology;

import org.axonframework.serialization.Revision;

/** The entry was recorded in error: it leaves the chronology but keeps its history. */
@Revision("1")
public record EntryRetracted(String childId, String entryId, String agencyId, int version, String reason) {
}
