package org.safeguarding.chronology.query.patterns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.safeguarding.chronology.api.calendar.WorkingDays;

/** The contract's deadlines: plain days of 24 hours, and working days counted in London. */
final class Deadlines {

    private Deadlines() {
    }

    static Instant plusDays(Instant instant, int days) {
        return instant.plus(Duration.ofDays(days));
    }

    /** WD(I, n): 00:00 Europe/London on the calendar day after the n-th working day after I's London date. */
    static Instant workingDays(Instant instant, int n) {
        return WorkingDays.after(WorkingDays.londonDate(instant), n).plusDays(1).atStartOfDay(WorkingDays.LONDON)
                .toInstant();
    }

    /** Date of birth plus one year; born on 29 February: 1 March. */
    static LocalDate firstBirthday(LocalDate dateOfBirth) {
        return dateOfBirth.getMonthValue() == 2 && dateOfBirth.getDayOfMonth() == 29
                ? LocalDate.of(dateOfBirth.getYear() + 1, 3, 1) : dateOfBirth.plusYears(1);
    }
}
