package org.safeguarding.chronology.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Working days as the review rules count them: Monday to Friday, not a bank holiday of England and Wales. */
public final class WorkingDays {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        return !BankHolidays.isWeekend(date) && !BankHolidays.englandAndWales().isBankHoliday(date);
    }

    /** The n-th working day after the date, the date itself not counted; the date itself for n = 0. */
    public static LocalDate after(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count of working days is not negative: " + n);
        }
        LocalDate day = date;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The calendar date of the instant in Europe/London. */
    public static LocalDate londonDate(Instant instant) {
        return LocalDate.ofInstant(instant, LONDON);
    }
}
