package org.safeguarding.chronology.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.patterns.FindPracticePatterns;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.safeguarding.chronology.query.casestate.LiteralReplay;
import org.safeguarding.chronology.query.chronology.RandomStories;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * Random cases (seeded) fed to the projections, with redelivered events, and practicePatterns from the read models
 * compared with the literal fold of the same events: at case times, and at each pattern's own since and one
 * microsecond before it, with recordedAsOf left out, at T, or at a random instant of the record. Rerun one case
 * with -Dpatterns.seed=N -Dpatterns.histories=1.
 */
class PracticePatternsAgainstEventStreamTest {

    private static final long FIRST_SEED = Long.getLong("patterns.seed", 20_190_420L);
    private static final int HISTORIES = Integer.getInteger("patterns.histories", 150);
    private static final RandomCases CASES = new RandomCases(70);

    private final PatternsFixture readModels = new PatternsFixture(null);
    /** How often each rule found a pattern: the cases must reach every rule. */
    private final Map<PatternKind, Integer> reached = new EnumMap<>(PatternKind.class);

    @Test
    void practicePatternsAgreeWithTheLiteralFold() {
        RandomStories.forEachHistory("patterns", FIRST_SEED, HISTORIES, this::check);
        if (HISTORIES >= 100) {
            assertThat(reached).as("patterns found by each rule").hasSize(PatternKind.values().length)
                    .allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isGreaterThan(HISTORIES / 10));
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = RandomStories.someAgencies(random, 2, 4);
        readModels.register(agencies);
        String child = "h" + seed + "-child-a";
        List<Story.Event> events = CASES.history(random, agencies, child).events;
        RandomStories.deliver(random, events, 0, events.size(), readModels::project);
        List<LiteralReplay.Recorded> stream = PatternsFixture.recorded(events);

        List<Instant> recordedAts = RandomStories.recordedAts(events);
        List<Instant> asked = new ArrayList<>(RandomStories.caseTimes(events));
        for (PracticePatternView pattern : LiteralPatterns.practicePatterns(stream, PatternsFixture.NOW,
                PatternsFixture.NOW).patterns()) {
            reached.merge(pattern.kind(), 1, Integer::sum);
            asked.add(pattern.since());
            asked.add(pattern.since().minusNanos(1_000));
        }
        for (int query = 0; query < 10; query++) {
            Instant at = RandomStories.nudge(random, pick(random, asked));
            Instant recordedAsOf = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> at;
                default -> pick(random, recordedAts);
            };
            List<PracticePatternView> expected = LiteralPatterns.practicePatterns(stream, at,
                    recordedAsOf == null ? PatternsFixture.NOW : recordedAsOf).patterns();
            List<PracticePatternView> answered = readModels.patterns
                    .handle(new FindPracticePatterns(child, at, recordedAsOf, false)).patterns();
            String asking = "practicePatterns(" + child + ", at " + at + ", recordedAsOf " + recordedAsOf + ")";
            if (Boolean.getBoolean("patterns.debug") && !PracticePatternQueries.differences(answered, expected).isEmpty()) {
                events.forEach(event -> System.out.println("EVENT " + event.recordedAt() + " " + event.payload()));
            }
            assertThat(PracticePatternQueries.differences(answered, expected)).as(asking).isEmpty();
            assertThat(answered).as(asking + ": descriptions").allSatisfy(pattern ->
                    assertThat(pattern.description()).isNotBlank().doesNotContain("null"));
        }
    }
}
