package org.safeguarding.chronology.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MonotonicClockTest {

    @Test
    void neverAnswersTheSameInstantTwiceEvenWhenTimeStandsStill() {
        Instant now = Instant.parse("2024-06-01T12:00:00.000000500Z");
        MonotonicClock clock = new MonotonicClock(Clock.fixed(now, ZoneOffset.UTC));

        List<Instant> instants = IntStream.range(0, 3).mapToObj(i -> clock.instant()).toList();

        assertThat(instants).containsExactly(Instant.parse("2024-06-01T12:00:00Z"),
                Instant.parse("2024-06-01T12:00:00.000001Z"), Instant.parse("2024-06-01T12:00:00.000002Z"));
    }

    @Test
    void neverGoesBackWhenTheSourceDoes() {
        Instant[] source = {Instant.parse("2024-06-01T12:00:01Z")};
        MonotonicClock clock = new MonotonicClock(new Clock() {
            public Instant instant() {
                return source[0];
            }

            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }
        });
        Instant first = clock.instant();
        source[0] = Instant.parse("2024-06-01T12:00:00Z");
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void isUniqueAcrossThreads() {
        MonotonicClock clock = new MonotonicClock(Clock.systemUTC());
        Set<Instant> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 40_000).parallel().forEach(i -> seen.add(clock.instant()));
        assertThat(seen).hasSize(40_000);
    }
}
