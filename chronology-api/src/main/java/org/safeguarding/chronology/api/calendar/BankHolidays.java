package org.safeguarding.chronology.api.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of England and Wales: the years the shipped file lists (2000 to 2035, with every one-off
 * change) as listed there, any other year by the standard rules.
 */
public final class BankHolidays {

    static final String ENGLAND_AND_WALES_FILE = "/bank-holidays/england-and-wales.txt";
    private static final String SUBSTITUTE = " (substitute day)";

    private static final BankHolidays ENGLAND_AND_WALES = read(ENGLAND_AND_WALES_FILE);

    /** Year to its bank holidays (date to name), for the years the file lists. */
    private final Map<Integer, NavigableMap<LocalDate, String>> listed;
    private final Map<Integer, NavigableMap<LocalDate, String>> computed = new ConcurrentHashMap<>();

    private BankHolidays(Map<Integer, NavigableMap<LocalDate, String>> listed) {
        this.listed = listed;
    }

    public static BankHolidays englandAndWales() {
        return ENGLAND_AND_WALES;
    }

    public boolean isBankHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** The year's bank holidays, date to name, in date order. */
    public NavigableMap<LocalDate, String> of(int year) {
        NavigableMap<LocalDate, String> holidays = listed.get(year);
        return holidays != null ? holidays : computed.computeIfAbsent(year, BankHolidays::byTheRules);
    }

    /** The years the file lists, in order. */
    public List<Integer> listedYears() {
        return listed.keySet().stream().sorted().toList();
    }

    /** The year's bank holidays by the standard rules alone, with no one-off change. */
    public static NavigableMap<LocalDate, String> byTheRules(int year) {
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (isWeekend(newYear)) {
            holidays.put(newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "New Year's Day" + SUBSTITUTE);
        } else {
            holidays.put(newYear, "New Year's Day");
        }
        LocalDate easter = easterSunday(year);
        holidays.put(easter.minusDays(2), "Good Friday");
        holidays.put(easter.plusDays(1), "Easter Monday");
        holidays.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                "Early May bank holiday");
        holidays.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Spring bank holiday");
        holidays.put(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Summer bank holiday");
        List<String> substituted = new ArrayList<>();
        for (Map.Entry<LocalDate, String> day : List.of(Map.entry(LocalDate.of(year, Month.DECEMBER, 25),
                "Christmas Day"), Map.entry(LocalDate.of(year, Month.DECEMBER, 26), "Boxing Day"))) {
            if (isWeekend(day.getKey())) {
                substituted.add(day.getValue());
            } else {
                holidays.put(day.getKey(), day.getValue());
            }
        }
        LocalDate substitute = LocalDate.of(year, Month.DECEMBER, 27);
        for (String name : substituted) {
            while (isWeekend(substitute) || holidays.containsKey(substitute)) {
                substitute = substitute.plusDays(1);
            }
            holidays.put(substitute, name + SUBSTITUTE);
        }
        return Collections.unmodifiableNavigableMap(holidays);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static BankHolidays read(String resource) {
        try (InputStream in = BankHolidays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bank holiday file " + resource + " on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(),
                    resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of "yyyy-mm-dd name"; blank lines and lines beginning with # are left out. */
    static BankHolidays parse(List<String> lines, String source) {
        Map<Integer, TreeMap<LocalDate, String>> byYear = new TreeMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            LocalDate date;
            try {
                date = LocalDate.parse(space < 0 ? line : line.substring(0, space));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(source + " line " + number + ": not a date: " + line);
            }
            if (space < 0 || line.substring(space).isBlank()) {
                throw new IllegalStateException(source + " line " + number + ": " + date + " has no name");
            }
            if (byYear.computeIfAbsent(date.getYear(), year -> new TreeMap<>())
                    .put(date, line.substring(space + 1).strip()) != null) {
                throw new IllegalStateException(source + " line " + number + ": " + date + " is listed twice");
            }
        }
        Map<Integer, NavigableMap<LocalDate, String>> listed = new TreeMap<>();
        byYear.forEach((year, holidays) -> listed.put(year, Collections.unmodifiableNavigableMap(holidays)));
        return new BankHolidays(Collections.unmodifiableMap(listed));
    }
}
