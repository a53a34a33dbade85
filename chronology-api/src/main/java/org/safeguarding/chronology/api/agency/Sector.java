package org.safeguarding.chronology.api.agency;

public enum Sector {
    CHILDRENS_SOCIAL_CARE, POLICE, HEALTH, EDUCATION, HOUSING, PROBATION, VOLUNTARY, OTHER
}
