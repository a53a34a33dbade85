package org.safeguarding.chronology.api.review;

import java.time.LocalDate;

/** Where a recommendation's action stands; computed when asked, never stored. */
public enum ActionStatus {
    OPEN, DONE, OVERDUE;

    /** DONE once completed, else OVERDUE when dueBy is before today (in Europe/London), else OPEN. */
    public static ActionStatus of(boolean completed, LocalDate dueBy, LocalDate today) {
        if (completed) {
            return DONE;
        }
        return dueBy.isBefore(today) ? OVERDUE : OPEN;
    }
}
