package org.safeguarding.chronology.api.casestate;

import java.time.Instant;

/**
 * Answers a {@link CaseStateView}: the case as it could be seen at {@code at}, by knownBy (any agency when null),
 * as the record stood at recordedAsOf (now when null). verify also replays the child's raw event stream and
 * reports whether the two answers agree.
 */
public record FindCaseState(String childId, Instant at, String knownBy, Instant recordedAsOf, boolean verify) {
}
