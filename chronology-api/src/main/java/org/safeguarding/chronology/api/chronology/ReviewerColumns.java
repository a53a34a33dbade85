package org.safeguarding.chronology.api.chronology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The columns a reviewer's chronology shows beside each entry: the date as known, the child's age, the gap. */
public final class ReviewerColumns {

    private static final DateTimeFormatter EXACT = utc("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = utc("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = utc("'?'/MM/yyyy");
    private static final DateTimeFormatter YEAR = utc("'?/?'/yyyy");

    private ReviewerColumns() {
    }

    private static DateTimeFormatter utc(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }

    /** "14/03/2007 09:30" (UTC), "14/03/2007", "?/03/2007", "?/?/2007". */
    public static String occurredAtText(Instant occurredAt, DatePrecision precision) {
        return switch (precision == null ? DatePrecision.EXACT : precision) {
            case EXACT -> EXACT.format(occurredAt);
            case DAY -> DAY.format(occurredAt);
            case MONTH -> MONTH.format(occurredAt);
            case YEAR -> YEAR.format(occurredAt);
        };
    }

    /**
     * The child's age on the (UTC) day of occurredAt: years and months from the first birthday on, months and days
     * before it; "about" when only the month or year is known (its first day is the stored occurredAt, so a period
     * that reaches past the birth is "about 0 days"); "unborn" before birth.
     */
    public static String childAge(LocalDate dateOfBirth, Instant occurredAt, DatePrecision precision) {
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        boolean approximate = precision == DatePrecision.MONTH || precision == DatePrecision.YEAR;
        if (day.isBefore(dateOfBirth)) {
            LocalDate periodEnd = precision == DatePrecision.MONTH ? day.plusMonths(1)
                    : precision == DatePrecision.YEAR ? day.plusYears(1) : day.plusDays(1);
            if (!periodEnd.isAfter(dateOfBirth)) {
                return "unborn";
            }
            day = dateOfBirth;
        }
        Period age = Period.between(dateOfBirth, day);
        String text = age.getYears() > 0 ? units(age.getYears(), "year", age.getMonths(), "month")
                : units(age.getMonths(), "month", age.getDays(), "day");
        return approximate ? "about " + text : text;
    }

    /** "12 days 4 hours", "3 hours 20 minutes", "45 minutes", "0 minutes": the two largest units, rounded down. */
    public static String interval(Instant from, Instant to) {
        Duration gap = Duration.between(from, to);
        if (gap.toDays() > 0) {
            return units(gap.toDays(), "day", gap.toHoursPart(), "hour");
        }
        return gap.toHours() > 0 ? units(gap.toHours(), "hour", gap.toMinutesPart(), "minute")
                : units(0, "hour", gap.toMinutes(), "minute");
    }

    /** The larger unit unless zero, then the smaller unless zero; the smaller when both are zero. */
    private static String units(long larger, String largerUnit, long smaller, String smallerUnit) {
        List<String> parts = new ArrayList<>();
        if (larger > 0) {
            parts.add(unit(larger, largerUnit));
        }
        if (smaller > 0 || larger == 0) {
            parts.add(unit(smaller, smallerUnit));
        }
        return String.join(" ", parts);
    }

    private static String unit(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
