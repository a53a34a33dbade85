package org.safeguarding.chronology.api.agency;

/** Agencies and children share one event store: their aggregate identifiers carry a prefix. */
public final class AgencyIds {
    public static final String PREFIX = "agency:";

    private AgencyIds() {
    }

    public static String aggregateId(String agencyId) {
        return PREFIX + agencyId;
    }
}
