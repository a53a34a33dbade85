package org.safeguarding.chronology.api.access;

/** What a user of the platform may do; see the contract's "Access, audit and reviews". */
public enum UserRole {
    /** Every operation. */
    ADMIN,
    /** An agency's own system or staff: its own commands, its own view of the children it has recorded about. */
    AGENCY,
    /** A member of reviews: reads the children of those reviews, marks key practice episodes. */
    REVIEWER,
    /** An independent chair: what a reviewer may, and runs the reviews it chairs. */
    CHAIR
}
