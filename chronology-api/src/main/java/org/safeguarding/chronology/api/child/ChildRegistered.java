package org.safeguarding.chronology.api.child;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ChildRegistered(String childId, String displayName, LocalDate dateOfBirth) {
}
