package org.safeguarding.chronology.api.links;

/** What a link between entries of a child says about them. */
public enum EntryLinkKind {
    /** Two or more agencies recorded the same event. */
    SAME_OCCURRENCE,
    /** The entries give accounts of one event that disagree. */
    CONFLICTING_ACCOUNTS
}
