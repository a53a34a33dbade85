package org.safeguarding.chronology.api.casestate;

import java.time.Instant;

/** Answers a {@code List<AgencyInvolvementView>} ordered by agency id; recordedAsOf null means now. */
public record FindInvolvement(String childId, Instant recordedAsOf) {
}
