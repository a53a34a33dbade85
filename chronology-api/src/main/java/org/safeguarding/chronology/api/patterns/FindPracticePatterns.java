package org.safeguarding.chronology.api.patterns;

import java.time.Instant;

/**
 * Answers {@link PracticePatternsAnswer}: every pattern that holds at {@code at}, from the record as it stood at
 * recordedAsOf (now when null); verify also folds the child's raw events and compares.
 */
public record FindPracticePatterns(String childId, Instant at, Instant recordedAsOf, boolean verify) {
}
