package org.safeguarding.chronology.api.person;

public enum Sex {
    FEMALE, MALE, UNKNOWN
}
