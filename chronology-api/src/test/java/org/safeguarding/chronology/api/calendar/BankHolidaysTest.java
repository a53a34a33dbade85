package org.safeguarding.chronology.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BankHolidaysTest {

    /** The years with a one-off change: a jubilee, a royal wedding, a moved holiday, a state funeral, a coronation. */
    static final Set<Integer> ONE_OFF_YEARS = Set.of(2002, 2011, 2012, 2020, 2022, 2023);

    private final BankHolidays holidays = BankHolidays.englandAndWales();

    static IntStream yearsWithoutAOneOffChange() {
        return IntStream.rangeClosed(2000, 2035).filter(year -> !ONE_OFF_YEARS.contains(year));
    }

    @Test
    void theFileListsEveryYearFrom2000To2035() {
        assertThat(holidays.listedYears()).containsExactlyElementsOf(IntStream.rangeClosed(2000, 2035).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("yearsWithoutAOneOffChange")
    void theStandardRulesGiveTheFileForEveryYearWithoutAOneOffChange(int year) {
        assertThat(holidays.of(year)).containsExactlyEntriesOf(BankHolidays.byTheRules(year));
    }

    @Test
    void everyYearHasEightBankHolidaysAndEachIsAWeekday() {
        for (int year : holidays.listedYears()) {
            NavigableMap<LocalDate, String> listed = holidays.of(year);
            assertThat(listed.size()).as("bank holidays of " + year)
                    .isEqualTo(Map.of(2002, 9, 2011, 9, 2012, 9, 2022, 10, 2023, 9).getOrDefault(year, 8));
            assertThat(listed.keySet()).allSatisfy(date -> assertThat(BankHolidays.isWeekend(date)).isFalse());
        }
    }

    @Test
    void theGoldenJubileeMovedTheSpringBankHolidayOf2002() {
        assertThat(holidays.of(2002)).containsEntry(LocalDate.parse("2002-06-03"), "Golden Jubilee bank holiday")
                .containsEntry(LocalDate.parse("2002-06-04"), "Spring bank holiday")
                .doesNotContainKey(LocalDate.parse("2002-05-27"));
    }

    @Test
    void theRoyalWeddingOf2011WasABankHoliday() {
        assertThat(holidays.isBankHoliday(LocalDate.parse("2011-04-29"))).isTrue();
        assertThat(holidays.of(2011).headMap(LocalDate.parse("2011-06-01")).keySet()).containsExactly(
                LocalDate.parse("2011-01-03"), LocalDate.parse("2011-04-22"), LocalDate.parse("2011-04-25"),
                LocalDate.parse("2011-04-29"), LocalDate.parse("2011-05-02"), LocalDate.parse("2011-05-30"));
    }

    @Test
    void theDiamondJubileeMovedTheSpringBankHolidayOf2012() {
        assertThat(holidays.of(2012)).containsEntry(LocalDate.parse("2012-06-04"), "Spring bank holiday")
                .containsEntry(LocalDate.parse("2012-06-05"), "Queen's Diamond Jubilee bank holiday")
                .doesNotContainKey(LocalDate.parse("2012-05-28"));
    }

    @Test
    void theEarlyMayBankHolidayOf2020MovedToVeDay() {
        assertThat(holidays.isBankHoliday(LocalDate.parse("2020-05-08"))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.parse("2020-05-04"))).isFalse();
    }

    @Test
    void in2022ThePlatinumJubileeMovedTheSpringBankHolidayAndTheStateFuneralWasOne() {
        assertThat(holidays.of(2022)).containsEntry(LocalDate.parse("2022-06-02"), "Spring bank holiday")
                .containsEntry(LocalDate.parse("2022-06-03"), "Platinum Jubilee bank holiday")
                .containsKey(LocalDate.parse("2022-09-19"))
                .doesNotContainKey(LocalDate.parse("2022-05-30"));
    }

    @Test
    void theCoronationOf2023CameBesideTheEarlyMayBankHoliday() {
        assertThat(holidays.of(2023).subMap(LocalDate.parse("2023-05-01"), true, LocalDate.parse("2023-05-31"), true))
                .containsOnlyKeys(LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-08"),
                        LocalDate.parse("2023-05-29"));
    }

    @Test
    void christmasOnASaturdayIsMovedToMondayAndBoxingDayToTuesday() {
        assertThat(holidays.of(2021).tailMap(LocalDate.parse("2021-12-01"))).containsExactly(
                entry(LocalDate.parse("2021-12-27"), "Christmas Day (substitute day)"),
                entry(LocalDate.parse("2021-12-28"), "Boxing Day (substitute day)"));
        assertThat(holidays.isBankHoliday(LocalDate.parse("2021-12-25"))).isFalse();
    }

    @Test
    void christmasOnASundayIsMovedPastBoxingDay() {
        assertThat(holidays.of(2022).tailMap(LocalDate.parse("2022-12-01")).keySet())
                .containsExactly(LocalDate.parse("2022-12-26"), LocalDate.parse("2022-12-27"));
        assertThat(holidays.of(2022).get(LocalDate.parse("2022-12-27"))).isEqualTo("Christmas Day (substitute day)");
    }

    @Test
    void boxingDayOnASaturdayIsMovedToMonday() {
        assertThat(holidays.of(2020).tailMap(LocalDate.parse("2020-12-01")).keySet())
                .containsExactly(LocalDate.parse("2020-12-25"), LocalDate.parse("2020-12-28"));
    }

    @Test
    void newYearsDayOnAWeekendIsMovedToMonday() {
        assertThat(holidays.of(2022).firstKey()).isEqualTo(LocalDate.parse("2022-01-03"));
        assertThat(holidays.of(2017).firstKey()).isEqualTo(LocalDate.parse("2017-01-02"));
        assertThat(holidays.of(2000).firstEntry().getValue()).isEqualTo("New Year's Day (substitute day)");
    }

    @Test
    void easterFollowsTheGregorianComputus() {
        assertThat(List.of(2000, 2008, 2011, 2019, 2024, 2025, 2038, 2285).stream().map(BankHolidays::easterSunday))
                .containsExactly(LocalDate.parse("2000-04-23"), LocalDate.parse("2008-03-23"),
                        LocalDate.parse("2011-04-24"), LocalDate.parse("2019-04-21"), LocalDate.parse("2024-03-31"),
                        LocalDate.parse("2025-04-20"), LocalDate.parse("2038-04-25"), LocalDate.parse("2285-03-22"));
    }

    @Test
    void yearsOutsideTheFileAreComputedByTheRules() {
        assertThat(holidays.of(1999)).isEqualTo(BankHolidays.byTheRules(1999));
        assertThat(holidays.of(2036).keySet()).containsExactly(LocalDate.parse("2036-01-01"),
                LocalDate.parse("2036-04-11"), LocalDate.parse("2036-04-14"), LocalDate.parse("2036-05-05"),
                LocalDate.parse("2036-05-26"), LocalDate.parse("2036-08-25"), LocalDate.parse("2036-12-25"),
                LocalDate.parse("2036-12-26"));
    }

    @Test
    void aMalformedLineNamesItsLineNumber() {
        assertThatThrownBy(() -> BankHolidays.parse(List.of("# comment", "2024-13-01 Nonsense"), "test"))
                .hasMessage("test line 2: not a date: 2024-13-01 Nonsense");
        assertThatThrownBy(() -> BankHolidays.parse(List.of("2024-12-25"), "test"))
                .hasMessage("test line 1: 2024-12-25 has no name");
        assertThatThrownBy(() -> BankHolidays.parse(List.of("2024-12-25 Christmas Day", "", "2024-12-25 Again"),
                "test")).hasMessage("test line 3: 2024-12-25 is listed twice");
    }
}
