package org.safeguarding.chronology.api.agency;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgencyRegistered(String agencyId, String name, Sector sector) {
}
