package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.RecordedEntry;

/**
 * The child's record as it could be seen at T, as it stood at R: what every pattern rule reads.
 *
 * @param considered  the contract's considered entries, in chronology order, knowledge cut at T
 * @param sharesNaming the counted shares (recorded by R, shared by T) naming each considered entry, by entry id
 * @param caseState   caseState(childId, at: T, recordedAsOf: R)
 */
record SeenAt(Instant at, LocalDate dateOfBirth, List<ChronologyEntryView> considered,
              Map<String, List<RecordedEntry.Share>> sharesNaming, CaseStateView caseState) {

    List<RecordedEntry.Share> sharesNaming(ChronologyEntryView entry) {
        return sharesNaming.getOrDefault(entry.id(), List.of());
    }
}
