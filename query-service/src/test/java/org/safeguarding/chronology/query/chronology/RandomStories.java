package org.safeguarding.chronology.query.chronology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * Seeded random histories for the tests that compare a read model with a literal reading of the same events:
 * entries recorded, corrected and retracted, information shared (only by an agency that knows it, of one child's
 * entries) and, if asked for, persons known. A generator is set up once with what its test needs (entry kinds,
 * persons, the mix of operations, ...), then draws a {@link Story} from a {@link Random} per history.
 */
public final class RandomStories {

    public static final List<String> AGENCIES = List.of("police", "health", "csc", "school", "housing", "probation");
    private static final Instant CASE_START = Instant.parse("2007-01-01T08:00:00Z");
    private static final Instant PLATFORM_START = Instant.parse("2008-01-01T00:00:00Z");

    private final int days;
    private int leastOperations = 5;
    private int moreOperations = 40;
    private List<EntryKind> kinds = List.of(EntryKind.values());
    private List<String> named = List.of();
    private List<String> known = List.of();
    private int professionals;
    private int recording = 40;
    private int knowing;
    private int correcting = 18;
    private boolean correctingDetails = true;
    private int retracting = 6;

    /** Case times (occurredAt, knownAt) fall within this many days of the case start. */
    public RandomStories(int days) {
        this.days = days;
    }

    /** A history is least + random(more) operations long. */
    public RandomStories operations(int least, int more) {
        this.leastOperations = least;
        this.moreOperations = more;
        return this;
    }

    /** Recorded entries, and corrections of the kind, draw from these (repeat a kind to weight it). */
    public RandomStories kinds(List<EntryKind> kinds) {
        this.kinds = List.copyOf(kinds);
        return this;
    }

    /** Each recorded entry names each of these persons with a chance of one in three. */
    public RandomStories naming(List<String> persons) {
        this.named = List.copyOf(persons);
        return this;
    }

    /** The professional of an entry is one of this many (0: a new one for each entry); none, one time in three. */
    public RandomStories professionals(int count) {
        this.professionals = count;
        return this;
    }

    /** Percent of the operations that record an entry (always the first operation). */
    public RandomStories recording(int percent) {
        this.recording = percent;
        return this;
    }

    /** Percent of the operations in which an agency records that it knows one of these persons. */
    public RandomStories knowing(List<String> persons, int percent) {
        this.known = List.copyOf(persons);
        this.knowing = percent;
        return this;
    }

    /**
     * Percent of the operations that correct an entry not retracted: occurredAt, knownAt and kind, and with details
     * also precision, summary and significance.
     */
    public RandomStories correcting(int percent, boolean details) {
        this.correcting = percent;
        this.correctingDetails = details;
        return this;
    }

    /** Percent of the operations that retract an entry; those left over share. */
    public RandomStories retracting(int percent) {
        this.retracting = percent;
        return this;
    }

    public Story history(Random random, List<String> agencies, List<String> children) {
        Story story = new Story();
        Map<String, Map<String, Instant>> knowledge = new HashMap<>(); // entry -> agency -> since, roughly
        List<String> entries = new ArrayList<>();
        Set<String> retracted = new TreeSet<>();
        Instant platform = PLATFORM_START;
        for (int op = 0, ops = leastOperations + random.nextInt(moreOperations); op < ops; op++) {
            if (random.nextInt(4) > 0) { // else recorded at the same instant as the one before
                platform = platform.plusMillis(random.nextInt(3_000)).plusNanos(random.nextInt(3) * 1_000L);
            }
            String child = pick(random, children);
            int kind = random.nextInt(100);
            List<String> open = entries.stream().filter(entry -> !retracted.contains(entry)).toList();
            if (kind < recording || entries.isEmpty()) {
                String agency = pick(random, agencies);
                Instant occurredAt = someDay(random);
                Instant knownAt = occurredAt.plus(Duration.ofDays(random.nextInt(3)));
                String professional = random.nextInt(3) == 0 ? null
                        : "Professional " + (professionals == 0 ? op : random.nextInt(professionals));
                String entryId = story.record(platform, child, agency, "REF-" + op, pick(random, kinds), occurredAt,
                        pick(random, DatePrecision.values()), knownAt, "Summary " + op,
                        pick(random, Significance.values()), professional,
                        named.stream().filter(person -> random.nextInt(3) == 0).toList());
                entries.add(entryId);
                knowledge.computeIfAbsent(entryId, e -> new HashMap<>()).put(agency, knownAt);
            } else if (kind < recording + knowing) {
                story.know(platform, child, pick(random, agencies), pick(random, known),
                        pick(random, PersonRole.values()), pick(random, Sex.values()), random.nextBoolean(),
                        someDay(random));
            } else if (kind < recording + knowing + correcting && !open.isEmpty()) {
                correct(random, story, knowledge, pick(random, open), platform, op);
            } else if (kind < recording + knowing + correcting + retracting && !open.isEmpty()) {
                String entryId = pick(random, open);
                story.retract(platform, entryId, "Recorded in error " + op);
                retracted.add(entryId);
            } else {
                share(random, story, knowledge, entries, pick(random, entries), agencies, platform);
            }
        }
        return story;
    }

    private void correct(Random random, Story story, Map<String, Map<String, Instant>> knowledge, String entryId,
                         Instant platform, int op) {
        EntryCorrected was = story.current(entryId);
        Instant occurredAt = random.nextBoolean() ? someDay(random) : null;
        Instant knownAt = random.nextBoolean()
                ? (occurredAt == null ? was.occurredAt() : occurredAt).plus(Duration.ofDays(random.nextInt(3)))
                : null;
        if (occurredAt != null && knownAt == null && was.knownAt().isBefore(occurredAt)) {
            knownAt = occurredAt;
        }
        story.correct(platform, entryId, occurredAt,
                correctingDetails && random.nextInt(4) == 0 ? pick(random, DatePrecision.values()) : null, knownAt,
                random.nextInt(3) == 0 ? pick(random, kinds) : null,
                correctingDetails && random.nextBoolean() ? "Corrected summary " + op : null,
                correctingDetails && random.nextInt(3) == 0 ? pick(random, Significance.values()) : null,
                "Reason " + op);
        if (knownAt != null) {
            knowledge.get(entryId).put(was.agencyId(), knownAt);
        }
    }

    /** An agency that knows the entry shares it, with some others of the child's it knows, with another agency. */
    private static void share(Random random, Story story, Map<String, Map<String, Instant>> knowledge,
                              List<String> entries, String entryId, List<String> agencies, Instant platform) {
        String child = story.current(entryId).childId();
        Map<String, Instant> knowers = knowledge.get(entryId);
        String from = pick(random, new ArrayList<>(new TreeSet<>(knowers.keySet())));
        String to = pick(random, agencies.stream().filter(agency -> !agency.equals(from)).toList());
        List<String> named = new ArrayList<>(List.of(entryId));
        Instant sharedAt = knowers.get(from);
        for (String other : entries) {
            Instant since = knowledge.get(other).get(from);
            if (!other.equals(entryId) && since != null && story.current(other).childId().equals(child)
                    && random.nextInt(3) == 0) {
                named.add(other);
                sharedAt = sharedAt.isAfter(since) ? sharedAt : since;
            }
        }
        sharedAt = sharedAt.plus(Duration.ofDays(random.nextInt(3)));
        story.share(platform, child, from, to, sharedAt, pick(random, SharingChannel.values()),
                named.toArray(String[]::new));
        for (String entry : named) {
            knowledge.get(entry).merge(to, sharedAt, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    private Instant someDay(Random random) {
        return CASE_START.plus(Duration.ofDays(random.nextInt(days))).plus(Duration.ofHours(random.nextInt(2) * 3L));
    }

    /**
     * Checks the histories seeded firstSeed, firstSeed + 1, ...; a failure names its seed and how to rerun it alone
     * (the system properties prefix.seed and prefix.histories).
     */
    public static void forEachHistory(String prefix, long firstSeed, int histories, LongConsumer check) {
        for (int history = 0; history < histories; history++) {
            long seed = firstSeed + history;
            try {
                check.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("history seed " + seed + " (rerun: -D" + prefix + ".seed=" + seed
                        + " -D" + prefix + ".histories=1): " + e.getMessage(), e);
            }
        }
    }

    /** Between least and most of the {@link #AGENCIES}, in random order. */
    public static List<String> someAgencies(Random random, int least, int most) {
        List<String> agencies = new ArrayList<>(AGENCIES);
        Collections.shuffle(agencies, random);
        return agencies.subList(0, least + random.nextInt(most - least + 1));
    }

    /** Children of this history only: h{seed}-child-a, h{seed}-child-b, ... */
    public static List<String> children(long seed, int count) {
        List<String> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add("h" + seed + "-child-" + (char) ('a' + i));
        }
        return children;
    }

    /**
     * Hands events from..to over in random batches, as a tracking processor would, now and then handing a batch
     * already handled over again (at-least-once delivery).
     */
    public static void deliver(Random random, List<Story.Event> events, int from, int to,
                               Consumer<List<Story.Event>> project) {
        int delivered = from;
        while (delivered < to) {
            int batchEnd = Math.min(to, delivered + 1 + random.nextInt(5));
            project.accept(events.subList(delivered, batchEnd));
            delivered = batchEnd;
            if (random.nextInt(5) == 0) {
                int again = random.nextInt(delivered);
                project.accept(events.subList(again, Math.min(delivered, again + 1 + random.nextInt(6))));
            }
        }
    }

    public static List<Instant> recordedAts(List<Story.Event> events) {
        return events.stream().map(Story.Event::recordedAt).toList();
    }

    /** The case times the events carry: the instants worth asking about, as they are or nudged. */
    public static List<Instant> caseTimes(List<Story.Event> events) {
        return events.stream().flatMap(event -> caseTimes(event.payload()).stream()).toList();
    }

    private static List<Instant> caseTimes(Object payload) {
        if (payload instanceof EntryRecorded e) {
            return List.of(e.occurredAt(), e.knownAt());
        } else if (payload instanceof EntryCorrected e) {
            return List.of(e.occurredAt(), e.knownAt());
        } else if (payload instanceof InformationShared e) {
            return List.of(e.sharedAt());
        } else if (payload instanceof PersonKnownRecorded e) {
            return List.of(e.knownAt());
        }
        return List.of();
    }

    /** The instant itself, or one nanosecond either side of it. */
    public static Instant nudge(Random random, Instant instant) {
        return instant.plusNanos(random.nextInt(3) - 1);
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
