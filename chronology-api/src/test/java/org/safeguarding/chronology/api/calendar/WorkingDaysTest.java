package org.safeguarding.chronology.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void weekendsAndBankHolidaysAreNoWorkingDays() {
        assertThat(WorkingDays.isWorkingDay(day("2024-06-07"))).isTrue(); // a Friday
        assertThat(WorkingDays.isWorkingDay(day("2024-06-08"))).isFalse();
        assertThat(WorkingDays.isWorkingDay(day("2024-06-09"))).isFalse();
        assertThat(WorkingDays.isWorkingDay(day("2024-05-27"))).isFalse(); // Spring bank holiday
        assertThat(WorkingDays.isWorkingDay(day("2022-09-19"))).isFalse(); // the State Funeral
    }

    @Test
    void theDateItselfIsNotCounted() {
        assertThat(WorkingDays.after(day("2024-06-03"), 1)).isEqualTo(day("2024-06-04"));
        assertThat(WorkingDays.after(day("2024-06-03"), 0)).isEqualTo(day("2024-06-03"));
        assertThat(WorkingDays.after(day("2024-06-07"), 1)).isEqualTo(day("2024-06-10"));
        assertThat(WorkingDays.after(day("2024-06-08"), 1)).isEqualTo(day("2024-06-10"));
    }

    @Test
    void fifteenWorkingDaysAcrossEaster() {
        // 21, 22, 25-28 March, then Good Friday and Easter Monday, then 2-5 and 8-12 April
        assertThat(WorkingDays.after(day("2024-03-20"), 15)).isEqualTo(day("2024-04-12"));
    }

    @Test
    void fifteenWorkingDaysAcrossChristmasAndNewYearWithSubstituteDays() {
        // 21-24 December, 29-31 December, then 4-7 and 10-13 January; 27, 28 December and 3 January are substitutes
        assertThat(WorkingDays.after(day("2021-12-20"), 15)).isEqualTo(day("2022-01-13"));
    }

    @Test
    void fifteenWorkingDaysFromNewYearsEve() {
        assertThat(WorkingDays.after(day("2024-12-31"), 15)).isEqualTo(day("2025-01-22"));
    }

    @Test
    void fifteenWorkingDaysAcrossTheJubileeAndTheStateFuneral() {
        assertThat(WorkingDays.after(day("2022-05-27"), 15)).isEqualTo(day("2022-06-21"));
        assertThat(WorkingDays.after(day("2022-09-12"), 15)).isEqualTo(day("2022-10-04"));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> WorkingDays.after(day("2024-06-03"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLondonDateOfAnInstantNearMidnightFollowsTheClocks() {
        assertThat(WorkingDays.londonDate(Instant.parse("2024-03-30T23:30:00Z"))).isEqualTo(day("2024-03-30"));
        assertThat(WorkingDays.londonDate(Instant.parse("2024-03-31T23:30:00Z"))).isEqualTo(day("2024-04-01"));
        assertThat(WorkingDays.londonDate(Instant.parse("2024-10-26T23:30:00Z"))).isEqualTo(day("2024-10-27"));
        assertThat(WorkingDays.londonDate(Instant.parse("2024-10-27T23:30:00Z"))).isEqualTo(day("2024-10-27"));
        assertThat(WorkingDays.londonDate(Instant.parse("2024-06-30T23:30:00Z"))).isEqualTo(day("2024-07-01"));
        assertThat(WorkingDays.londonDate(Instant.parse("2024-12-31T23:30:00Z"))).isEqualTo(day("2024-12-31"));
    }
}
