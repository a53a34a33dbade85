package org.safeguarding.chronology.query.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.chronology.RandomStories.nudge;
import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.query.chronology.RandomStories;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * Random histories (seeded) of entries told by several agencies in a few words, near each other in time (often
 * exactly 24 hours apart, or a microsecond more), corrected, retracted and linked, fed to the projections with
 * redelivered events; possibleDuplicates from the read models compared with {@link LiteralDuplicates}' all-pairs
 * reading of the same events, with recordedAsOf left out or at any instant of the record. Rerun one history with
 * -Dduplicates.seed=N -Dduplicates.histories=1.
 */
class PossibleDuplicatesAgainstEventStreamTest {

    private static final long FIRST_SEED = Long.getLong("duplicates.seed", 20_240_501L);
    private static final int HISTORIES = Integer.getInteger("duplicates.histories", 150);
    private static final Instant CASE = Instant.parse("2024-05-01T09:30:00Z");
    private static final List<EntryKind> KINDS = List.of(EntryKind.HOME_VISIT, EntryKind.HOME_VISIT,
            EntryKind.CONTACT, EntryKind.CHILD_SEEN);
    /** Words of every kind the rule reads: short ones, digits of two scripts, other numerals, letters with marks. */
    private static final List<String> WORDS = List.of("home", "HOME", "visit", "Visit", "Mother", "mother", "seen",
            "Zo\u00eb", "ZO\u00cb", "Zoe", "Zoe\u0308", "GP", "at", "A", "2019", "101", "\u0661\u0660\u0661",
            "\u00b2\u00b3", "police", "call", "bruise", "A1b2", "stra\u00dfe");
    private static final List<String> SEPARATORS = List.of(" ", " ", ", ", "-", "'", "; ", "\u00a0", "_");
    private static final Duration[] APART = {Duration.ZERO, Duration.ofHours(24), Duration.ofHours(24).plusNanos(1_000),
            Duration.ofHours(23), Duration.ofHours(25), Duration.ofMinutes(90), Duration.ofDays(3)};

    private int candidates;
    private int leftOutByALink;

    @Test
    void possibleDuplicatesAgreeWithEveryPairOfTheLiteralChronology() {
        RandomStories.forEachHistory("duplicates", FIRST_SEED, HISTORIES, this::check);
        if (HISTORIES >= 100) {
            assertThat(candidates).as("candidates found").isGreaterThan(HISTORIES * 2);
            assertThat(leftOutByALink).as("pairs left out by a link").isGreaterThan(HISTORIES / 5);
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = RandomStories.someAgencies(random, 2, 4);
        List<String> children = RandomStories.children(seed, 1 + random.nextInt(2));
        Story story = history(random, agencies, children);
        LinksFixture readModels = new LinksFixture();
        RandomStories.deliver(random, story.events, 0, story.events.size(), readModels::project);
        LiteralDuplicates literal = new LiteralDuplicates(story.events, LinksFixture.NOW);

        List<Instant> recordedAts = RandomStories.recordedAts(story.events);
        for (int query = 0; query < 8; query++) {
            String child = pick(random, children);
            Instant recordedAsOf = random.nextInt(4) == 0 ? null : nudge(random, pick(random, recordedAts));
            List<DuplicateCandidateView> expected = literal.possibleDuplicates(child, recordedAsOf);
            assertThat(readModels.possibleDuplicates(child, recordedAsOf))
                    .as("possibleDuplicates(" + child + ", recordedAsOf " + recordedAsOf + ")")
                    .isEqualTo(expected);
            candidates += expected.size();
        }
        leftOutByALink += literal.leftOutByALink;
    }

    private static Story history(Random random, List<String> agencies, List<String> children) {
        Story story = new Story();
        Instant platform = Instant.parse("2024-06-01T08:00:00Z");
        List<Instant> occurrences = List.of(CASE, CASE.plus(Duration.ofDays(1)), CASE.plus(Duration.ofDays(9)));
        List<String> entries = new ArrayList<>();
        int links = 0;
        for (int op = 0, ops = 10 + random.nextInt(40); op < ops; op++) {
            platform = platform.plusMillis(1 + random.nextInt(2_000));
            int what = random.nextInt(100);
            if (what < 60 || entries.size() < 2) {
                String child = pick(random, children);
                Instant occurredAt = pick(random, occurrences).plus(pick(random, APART));
                entries.add(story.record(platform, child, pick(random, agencies), "REF-" + op, pick(random, KINDS),
                        occurredAt, occurredAt.plusSeconds(random.nextInt(3) * 1_800L), summary(random), null));
            } else if (what < 75) {
                String entry = pick(random, entries);
                Instant occurredAt = random.nextBoolean() ? null : pick(random, occurrences).plus(pick(random, APART));
                story.correct(platform, entry, occurredAt, occurredAt, random.nextBoolean() ? pick(random, KINDS) : null,
                        random.nextBoolean() ? summary(random) : null, null, "corrected by the agency");
            } else if (what < 80) {
                story.retract(platform, pick(random, entries), "recorded in error");
            } else {
                String first = pick(random, entries);
                String child = first.substring(0, first.lastIndexOf('/'));
                List<String> ofChild = entries.stream().filter(entry -> entry.startsWith(child + "/"))
                        .collect(Collectors.toCollection(ArrayList::new));
                java.util.Collections.shuffle(ofChild, random);
                if (ofChild.size() >= 2) {
                    story.link(platform, child, "link-" + ++links, random.nextInt(3) == 0
                                    ? EntryLinkKind.CONFLICTING_ACCOUNTS : EntryLinkKind.SAME_OCCURRENCE,
                            "linked by the review", ofChild.subList(0, 2 + random.nextInt(Math.min(2,
                                    ofChild.size() - 1))).toArray(String[]::new));
                }
            }
        }
        return story;
    }

    /** One to four words, half of them "home visit" in some case, so that summaries are often alike. */
    private static String summary(Random random) {
        StringBuilder summary = new StringBuilder(random.nextBoolean() ? pick(random, WORDS)
                : pick(random, List.of("home visit", "Home Visit", "HOME-VISIT")));
        for (int word = 0, words = random.nextInt(4); word < words; word++) {
            summary.append(pick(random, SEPARATORS)).append(pick(random, WORDS));
        }
        return summary.toString();
    }
}
