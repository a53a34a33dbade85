package org.safeguarding.chronology.api.casestate;

import java.time.Instant;
import java.util.List;

public record AgencyInvolvementView(String agencyId, List<Episode> episodes, int entryCount, Instant firstEntryAt,
                                    Instant lastEntryAt) {

    /** to is null while the episode is open. */
    public record Episode(Instant from, Instant to) {
    }
}
