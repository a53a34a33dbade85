package org.safeguarding.chronology.api.rejection;

/** Why a command or query was refused; served as {@code extensions.classification}. */
public enum Rejection {
    BAD_REQUEST, NOT_FOUND, CONFLICT, FORBIDDEN
}
