package org.safeguarding.chronology.api.casestate;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;

/** The contract's CaseState; verification is null unless asked for. */
public record CaseStateView(Instant at, int entryCount, List<OpenInvolvement> involvedAgencies,
                            boolean onChildProtectionPlan, Instant lastSeen, List<PersonKnowledge> household,
                            List<UnseenPerson> unseenBy, Verification verification) {

    public record OpenInvolvement(String agencyId, Instant since, List<String> professionals) {
    }

    public record PersonKnowledge(String personId, PersonRole role, Sex sex, boolean livesWithChild,
                                  List<Knowledge> knownTo) {
    }

    public record UnseenPerson(String personId, List<String> knownTo, List<String> unknownTo) {
    }

    /** The literal replay of the child's events against the projection's answer. */
    public record Verification(boolean agrees, long eventsReplayed, List<String> differences) {
    }

    public CaseStateView withVerification(Verification verification) {
        return new CaseStateView(at, entryCount, involvedAgencies, onChildProtectionPlan, lastSeen, household,
                unseenBy, verification);
    }
}
