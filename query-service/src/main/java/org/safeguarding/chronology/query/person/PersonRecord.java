package org.safeguarding.chronology.query.person;

import java.time.Instant;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;

/** One agency's record that it knows a person in the child's life; sequence is its place in the child's stream. */
public record PersonRecord(String recordId, String agencyId, String personId, PersonRole role, Sex sex,
                           boolean livesWithChild, Instant knownAt, Instant recordedAt, long sequence) {
}
