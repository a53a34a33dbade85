package org.safeguarding.chronology.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ReviewTypeTest {

    @ParameterizedTest(name = "commissioned at {0}: due by {1}")
    @CsvSource({
            // across Easter: Good Friday 29 March and Easter Monday 1 April 2024
            "2024-03-20T10:00:00Z, 2024-04-12",
            // across Christmas and New Year: 27, 28 December 2021 and 3 January 2022 are substitute days
            "2021-12-20T10:00:00Z, 2022-01-13",
            // year end: New Year's Day 2025
            "2024-12-31T16:00:00Z, 2025-01-22",
            // 23:30 GMT on Saturday 30 March 2024, before the clocks go forward: still the 30th in London
            "2024-03-30T23:30:00Z, 2024-04-22",
            // 00:30 BST on Sunday 27 October 2024, before the clocks go back: the 27th in London
            "2024-10-26T23:30:00Z, 2024-11-15",
            // 00:30 BST on Monday 1 July 2024 in London, still Sunday 30 June in UTC
            "2024-06-30T23:30:00Z, 2024-07-22",
            // 00:30 BST on Monday 31 March 2025, just after the clocks went forward (Sunday 30th in UTC)
            "2025-03-30T23:30:00Z, 2025-04-23",
            // 23:30 GMT on Sunday 26 October 2025, just after the clocks went back: still Sunday in London
            "2025-10-26T23:30:00Z, 2025-11-14",
    })
    void aRapidReviewIsDueFifteenWorkingDaysAfterItsLondonDate(Instant commissionedAt, LocalDate dueBy) {
        assertThat(ReviewType.RAPID_REVIEW.dueBy(commissionedAt)).isEqualTo(dueBy);
    }

    @ParameterizedTest
    @EnumSource(value = ReviewType.class, names = "RAPID_REVIEW", mode = EnumSource.Mode.EXCLUDE)
    void otherReviewsHaveNoDueDate(ReviewType type) {
        assertThat(type.dueBy(Instant.parse("2024-03-20T10:00:00Z"))).isNull();
    }

    @Test
    void anActionIsDoneOnceCompletedElseOverdueAfterItsDueDate() {
        LocalDate today = LocalDate.parse("2024-06-10");
        assertThat(ActionStatus.of(true, LocalDate.parse("2024-06-01"), today)).isEqualTo(ActionStatus.DONE);
        assertThat(ActionStatus.of(false, LocalDate.parse("2024-06-09"), today)).isEqualTo(ActionStatus.OVERDUE);
        assertThat(ActionStatus.of(false, LocalDate.parse("2024-06-10"), today)).isEqualTo(ActionStatus.OPEN);
        assertThat(ActionStatus.of(false, LocalDate.parse("2024-06-11"), today)).isEqualTo(ActionStatus.OPEN);
    }
}
