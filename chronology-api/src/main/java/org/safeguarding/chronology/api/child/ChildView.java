package org.safeguarding.chronology.api.child;

import java.time.LocalDate;

public record ChildView(String id, String displayName, LocalDate dateOfBirth) {
}
