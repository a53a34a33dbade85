package org.safeguarding.chronology.command.files;

import static org.safeguarding.chronology.api.text.TextRules.quoted;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.chronology.api.chronology.DatePrecision;

/**
 * The dates of a chronology file. A local date and time is Europe/London's (in the hour the clocks go back, the
 * earlier one; an hour skipped when they go forward is no time at all). An imprecise date is stored as 00:00 UTC of
 * its period's first day, as occurredAtPrecision has it.
 */
final class ChronologyDates {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s+(\\d{1,2}):(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("\\?/(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\?/\\?/(\\d{4})");
    private static final String EXACT_FORMS = "dd/mm/yyyy hh:mm (Europe/London), an ISO-8601 instant with an offset "
            + "(2019-03-14T09:30:00Z) or an Excel date with its time";

    private ChronologyDates() {
    }

    /** When something happened, and how precisely the agency knows it. */
    record When(Instant at, DatePrecision precision) {
    }

    /** An Occurred cell: any of the forms; null when empty. */
    static When occurred(SheetCell cell) throws CellFault {
        return read(Column.OCCURRED, cell);
    }

    /** A Known cell: an exact form only; null when empty. */
    static Instant known(SheetCell cell) throws CellFault {
        When when = read(Column.KNOWN, cell);
        if (when == null) {
            return null;
        }
        if (when.precision() != DatePrecision.EXACT) {
            throw new CellFault("Known %s is only a %s: give when it became known as %s".formatted(shown(cell),
                    when.precision().name().toLowerCase(Locale.ROOT), EXACT_FORMS));
        }
        return when.at();
    }

    private static When read(Column column, SheetCell cell) throws CellFault {
        try {
            if (cell.excelDate() != null) {
                LocalDateTime date = cell.excelDate();
                return date.toLocalTime().equals(LocalTime.MIDNIGHT)
                        ? new When(startOf(date.toLocalDate()), DatePrecision.DAY)
                        : new When(london(column, cell, date), DatePrecision.EXACT);
            }
            String text = cell.text();
            if (text.isEmpty()) {
                return null;
            }
            Matcher match;
            if ((match = DATE_TIME.matcher(text)).matches()) {
                LocalDateTime local = LocalDateTime.of(number(match, 3), number(match, 2), number(match, 1),
                        number(match, 4), number(match, 5));
                return new When(london(column, cell, local), DatePrecision.EXACT);
            }
            if ((match = DAY.matcher(text)).matches()) {
                return new When(startOf(LocalDate.of(number(match, 3), number(match, 2), number(match, 1))),
                        DatePrecision.DAY);
            }
            if ((match = MONTH.matcher(text)).matches()) {
                return new When(startOf(LocalDate.of(number(match, 2), number(match, 1), 1)), DatePrecision.MONTH);
            }
            if ((match = YEAR.matcher(text)).matches()) {
                return new When(startOf(LocalDate.of(number(match, 1), 1, 1)), DatePrecision.YEAR);
            }
            return new When(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                    DatePrecision.EXACT);
        } catch (DateTimeParseException notAForm) {
            throw new CellFault("%s %s is not a date: give %s".formatted(column.header(), shown(cell),
                    column == Column.KNOWN ? EXACT_FORMS : "dd/mm/yyyy hh:mm (Europe/London), dd/mm/yyyy, ?/mm/yyyy, "
                            + "?/?/yyyy, an ISO-8601 instant with an offset (2019-03-14T09:30:00Z) or an Excel date"));
        } catch (DateTimeException noSuchDate) {
            throw new CellFault("%s %s is no date in the calendar: %s".formatted(column.header(), shown(cell),
                    noSuchDate.getMessage()));
        }
    }

    private static Instant london(Column column, SheetCell cell, LocalDateTime local) throws CellFault {
        if (LONDON.getRules().getValidOffsets(local).isEmpty()) {
            throw new CellFault("%s %s is no time in Europe/London: the clocks went forward an hour then"
                    .formatted(column.header(), shown(cell)));
        }
        return local.atZone(LONDON).toInstant();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int number(Matcher match, int group) {
        return Integer.parseInt(match.group(group));
    }

    private static String shown(SheetCell cell) {
        return cell.excelDate() != null ? "(the Excel date " + cell.excelDate() + ")" : quoted(cell.text());
    }
}
