package org.safeguarding.chronology.api.chronology;

import java.time.LocalDate;
import java.util.List;

/**
 * One action of a plan or meeting: what is to be done, by whom, by when, and what happens if it is not. A blank
 * contingency is stored as none.
 */
public record PlanAction(String what, String ownerAgencyId, LocalDate dueBy, String contingency) {

    /** The entry kinds whose entries may carry actions. */
    public static final java.util.Set<EntryKind> KINDS = java.util.EnumSet.of(EntryKind.STRATEGY_DISCUSSION,
            EntryKind.CHILD_PROTECTION_CONFERENCE, EntryKind.MULTI_AGENCY_MEETING,
            EntryKind.CHILD_PROTECTION_PLAN_STARTED);

    public PlanAction {
        contingency = contingency == null || contingency.isBlank() ? null : contingency;
    }

    /** The stored form of a list of actions: none for null. */
    public static List<PlanAction> stored(List<PlanAction> actions) {
        return actions == null ? List.of() : List.copyOf(actions);
    }
}
