package org.safeguarding.chronology.api.person;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** recordId is {@code <childId>/P<n>}; the event's own timestamp is its recordedAt. */
@Revision("1")
public record PersonKnownRecorded(String childId, String recordId, String agencyId, String personId, PersonRole role,
                                  Sex sex, boolean livesWithChild, Instant knownAt, String sourceRef) {
}
