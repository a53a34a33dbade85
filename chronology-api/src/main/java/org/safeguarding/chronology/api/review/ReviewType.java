package org.safeguarding.chronology.api.review;

import java.time.Instant;
import java.time.LocalDate;
import org.safeguarding.chronology.api.calendar.WorkingDays;

public enum ReviewType {
    RAPID_REVIEW, CHILD_SAFEGUARDING_PRACTICE_REVIEW, SERIOUS_CASE_REVIEW, SILP;

    /** Working days a rapid review has, after the day it is commissioned. */
    public static final int RAPID_REVIEW_WORKING_DAYS = 15;

    /**
     * When a review of this type commissioned at the instant is due: for a rapid review the 15th working day after
     * the commissioning's calendar date in Europe/London (that date not counted); null for the other types.
     */
    public LocalDate dueBy(Instant commissionedAt) {
        return this == RAPID_REVIEW
                ? WorkingDays.after(WorkingDays.londonDate(commissionedAt), RAPID_REVIEW_WORKING_DAYS)
                : null;
    }
}
