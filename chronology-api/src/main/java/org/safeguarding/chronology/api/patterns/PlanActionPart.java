package org.safeguarding.chronology.api.patterns;

/** A part of a plan action that a review expects: who, by when, and what if not. */
public enum PlanActionPart {
    OWNER, DUE_DATE, CONTINGENCY
}
