package org.safeguarding.chronology.api.chronology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.chronology.DatePrecision.DAY;
import static org.safeguarding.chronology.api.chronology.DatePrecision.EXACT;
import static org.safeguarding.chronology.api.chronology.DatePrecision.MONTH;
import static org.safeguarding.chronology.api.chronology.DatePrecision.YEAR;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewerColumnsTest {

    private static final LocalDate BORN = LocalDate.parse("2006-11-12");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void showsOccurredAtAsPreciselyAsItIsKnownInUtc() {
        assertThat(ReviewerColumns.occurredAtText(at("2007-03-14T09:30:59Z"), EXACT)).isEqualTo("14/03/2007 09:30");
        assertThat(ReviewerColumns.occurredAtText(at("2007-03-14T00:00:00Z"), DAY)).isEqualTo("14/03/2007");
        assertThat(ReviewerColumns.occurredAtText(at("2007-03-01T00:00:00Z"), MONTH)).isEqualTo("?/03/2007");
        assertThat(ReviewerColumns.occurredAtText(at("2007-01-01T00:00:00Z"), YEAR)).isEqualTo("?/?/2007");
        assertThat(ReviewerColumns.occurredAtText(at("2007-03-14T23:30:00-02:00"), EXACT))
                .isEqualTo("15/03/2007 01:30");
    }

    @Test
    void givesTheChildsAgeOnTheDayOfTheEvent() {
        assertThat(ReviewerColumns.childAge(BORN, at("2007-02-14T10:00:00Z"), EXACT)).isEqualTo("3 months 2 days");
        assertThat(ReviewerColumns.childAge(BORN, at("2008-03-12T00:00:00Z"), DAY)).isEqualTo("1 year 4 months");
        assertThat(ReviewerColumns.childAge(BORN, at("2008-03-20T00:00:00Z"), DAY)).isEqualTo("1 year 4 months");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-11-17T08:00:00Z"), EXACT)).isEqualTo("5 days");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-12-13T08:00:00Z"), EXACT)).isEqualTo("1 month 1 day");
        assertThat(ReviewerColumns.childAge(BORN, at("2009-11-12T08:00:00Z"), EXACT)).isEqualTo("3 years");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-11-12T00:00:00Z"), EXACT)).isEqualTo("0 days");
    }

    @Test
    void saysAboutForAMonthOrYearAndUnbornBeforeBirth() {
        assertThat(ReviewerColumns.childAge(BORN, at("2007-03-01T00:00:00Z"), MONTH))
                .isEqualTo("about 3 months 17 days");
        assertThat(ReviewerColumns.childAge(BORN, at("2009-01-01T00:00:00Z"), YEAR)).isEqualTo("about 2 years 1 month");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-11-11T23:59:00Z"), EXACT)).isEqualTo("unborn");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-10-01T00:00:00Z"), MONTH)).isEqualTo("unborn");
        // the month or year of the birth itself: the child may already have been born
        assertThat(ReviewerColumns.childAge(BORN, at("2006-11-01T00:00:00Z"), MONTH)).isEqualTo("about 0 days");
        assertThat(ReviewerColumns.childAge(BORN, at("2006-01-01T00:00:00Z"), YEAR)).isEqualTo("about 0 days");
    }

    @Test
    void givesTheIntervalInItsTwoLargestUnits() {
        Instant from = at("2007-03-01T09:30:00Z");
        assertThat(ReviewerColumns.interval(from, at("2007-03-13T13:45:00Z"))).isEqualTo("12 days 4 hours");
        assertThat(ReviewerColumns.interval(from, at("2007-03-02T09:30:00Z"))).isEqualTo("1 day");
        assertThat(ReviewerColumns.interval(from, at("2007-03-01T12:50:30Z"))).isEqualTo("3 hours 20 minutes");
        assertThat(ReviewerColumns.interval(from, at("2007-03-01T10:30:00Z"))).isEqualTo("1 hour");
        assertThat(ReviewerColumns.interval(from, at("2007-03-01T10:15:00Z"))).isEqualTo("45 minutes");
        assertThat(ReviewerColumns.interval(from, at("2007-03-01T09:30:59Z"))).isEqualTo("0 minutes");
        assertThat(ReviewerColumns.interval(from, from)).isEqualTo("0 minutes");
    }
}
