package org.safeguarding.chronology.api.agency;

public record AgencyView(String id, String name, Sector sector) {
}
