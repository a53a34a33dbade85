package org.safeguarding.chronology.api.agency;

import java.util.List;

/** Answers a {@code List<AgencyView>} in no particular order; unknown ids are left out. */
public record FindAgencies(List<String> agencyIds) {
}
