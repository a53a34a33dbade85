package org.safeguarding.chronology.api.chronology;

public enum Significance {
    ROUTINE, SIGNIFICANT, CRITICAL
}
