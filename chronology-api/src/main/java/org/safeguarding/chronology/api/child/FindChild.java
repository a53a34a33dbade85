package org.safeguarding.chronology.api.child;

/** Answers a {@link ChildView}, or null for an unknown child. */
public record FindChild(String childId) {
}
