package org.safeguarding.chronology.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock in microseconds that never answers the same or an earlier instant twice in this JVM, so no two
 * events share a recordedAt and a receipt's recordedAt can be used as recordedAsOf.
 */
public final class MonotonicClock extends Clock {

    private final Clock source;
    private final AtomicLong lastMicros;

    public MonotonicClock(Clock source) {
        this(source, new AtomicLong(Long.MIN_VALUE));
    }

    private MonotonicClock(Clock source, AtomicLong lastMicros) {
        this.source = source;
        this.lastMicros = lastMicros;
    }

    @Override
    public Instant instant() {
        Instant now = source.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        long next = lastMicros.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
        return Instant.ofEpochSecond(Math.floorDiv(next, 1_000_000L), Math.floorMod(next, 1_000_000L) * 1_000L);
    }

    @Override
    public ZoneId getZone() {
        return source.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MonotonicClock(source.withZone(zone), lastMicros);
    }
}
