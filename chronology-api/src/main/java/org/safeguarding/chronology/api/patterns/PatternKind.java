package org.safeguarding.chronology.api.patterns;

/** What the reviews keep finding; the contract's rules 1 to 9, in this order. */
public enum PatternKind {
    DOMESTIC_ABUSE_BABY_NO_ENQUIRY,
    VERBAL_SHARE_NOT_IN_WRITING,
    UNSEEN_MAN,
    CHILD_NOT_SEEN_ON_PLAN,
    PLAN_ACTION_INCOMPLETE,
    INCONSISTENT_THRESHOLD,
    ESCALATION_UNANSWERED,
    CONFERENCE_LATE,
    DECISION_WITHOUT_KNOWN_INFORMATION
}
