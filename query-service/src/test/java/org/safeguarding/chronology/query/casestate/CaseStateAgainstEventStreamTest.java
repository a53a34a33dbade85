package org.safeguarding.chronology.query.casestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
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
import org.safeguarding.chronology.query.chronology.Story;

/**
 * Random histories (seeded) fed to the projections, with redelivered events, and caseState and involvement from
 * the read models compared with the literal replay of the same events, at random instants T and R, with and
 * without knownBy. Rerun one history with -Dcasestate.seed=N -Dcasestate.histories=1.
 */
class CaseStateAgainstEventStreamTest {

    private static final long FIRST_SEED = Long.getLong("casestate.seed", 20_070_314L);
    private static final int HISTORIES = Integer.getInteger("casestate.histories", 250);
    private static final Instant CASE_START = Instant.parse("2007-01-01T08:00:00Z");
    private static final List<String> AGENCIES = List.of("police", "health", "csc", "school", "housing", "probation");
    private static final List<String> PERSONS = List.of("person-1", "person-2", "person-3", "person-4", "person-5");
    /** Weighted towards the kinds the case state reads. */
    private static final List<EntryKind> KINDS = List.of(EntryKind.INVOLVEMENT_STARTED, EntryKind.INVOLVEMENT_STARTED,
            EntryKind.INVOLVEMENT_STARTED, EntryKind.INVOLVEMENT_ENDED, EntryKind.INVOLVEMENT_ENDED,
            EntryKind.CHILD_PROTECTION_PLAN_STARTED, EntryKind.CHILD_PROTECTION_PLAN_ENDED, EntryKind.CHILD_SEEN,
            EntryKind.CHILD_SEEN, EntryKind.HOME_VISIT, EntryKind.CONTACT, EntryKind.REFERRAL);

    private final CaseStateFixture readModels = new CaseStateFixture(null);
    /** How often each part of the answer was not trivially empty: the histories must reach every rule. */
    private final Map<String, Integer> reached = new TreeMap<>();

    @Test
    void caseStateAndInvolvementAgreeWithTheLiteralReplay() {
        for (int history = 0; history < HISTORIES; history++) {
            long seed = FIRST_SEED + history;
            try {
                check(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("history seed " + seed + " (rerun: -Dcasestate.seed=" + seed
                        + " -Dcasestate.histories=1): " + e.getMessage(), e);
            }
        }
        if (HISTORIES >= 100) {
            assertThat(reached).as("answers reaching each rule").hasSize(8).allSatisfy((part, count) ->
                    assertThat(count).as(part).isGreaterThan(HISTORIES / 10));
        }
    }

    private void count(CaseStateView state, List<AgencyInvolvementView> involvement) {
        Map<String, Boolean> parts = new TreeMap<>();
        if (state != null) {
            parts.put("entries", state.entryCount() > 0);
            parts.put("involvedAgencies", !state.involvedAgencies().isEmpty());
            parts.put("professionals", state.involvedAgencies().stream()
                    .anyMatch(open -> !open.professionals().isEmpty()));
            parts.put("onChildProtectionPlan", state.onChildProtectionPlan());
            parts.put("lastSeen", state.lastSeen() != null);
            parts.put("household", !state.household().isEmpty());
            parts.put("unseenBy", !state.unseenBy().isEmpty());
        } else {
            parts.put("closedEpisodes", involvement.stream().flatMap(agency -> agency.episodes().stream())
                    .anyMatch(episode -> episode.to() != null));
        }
        parts.forEach((part, reachedIt) -> {
            if (reachedIt) {
                reached.merge(part, 1, Integer::sum);
            }
        });
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = new ArrayList<>(AGENCIES);
        Collections.shuffle(agencies, random);
        agencies = agencies.subList(0, 2 + random.nextInt(4));
        List<String> children = List.of("h" + seed + "-child-a", "h" + seed + "-child-b");
        List<Story.Event> events = randomHistory(random, agencies, children).events;

        int delivered = 0;
        while (delivered < events.size()) {
            int batchEnd = Math.min(events.size(), delivered + 1 + random.nextInt(5));
            readModels.project(events.subList(delivered, batchEnd));
            delivered = batchEnd;
            if (random.nextInt(5) == 0) { // at-least-once: a batch already handled comes again
                int from = random.nextInt(delivered);
                readModels.project(events.subList(from, Math.min(delivered, from + 1 + random.nextInt(6))));
            }
        }

        List<Instant> recordedAts = events.stream().map(Story.Event::recordedAt).toList();
        List<Instant> caseTimes = events.stream().flatMap(event -> caseTimes(event.payload()).stream()).toList();
        for (String child : children) {
            List<LiteralReplay.Recorded> stream = CaseStateFixture.recorded(events.stream()
                    .filter(event -> event.childId().equals(child)).toList());
            for (int query = 0; query < 8; query++) {
                Instant at = nudge(random, pick(random, caseTimes));
                String knownBy = random.nextInt(3) == 0 ? null : pick(random, agencies);
                Instant recordedAsOf = random.nextInt(4) == 0 ? null : nudge(random, pick(random, recordedAts));
                CaseStateView expected = LiteralReplay.caseState(stream, at, knownBy,
                        recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf).caseState();
                count(expected, null);
                assertThat(readModels.caseStates.handle(new FindCaseState(child, at, knownBy, recordedAsOf, false)))
                        .as("caseState(" + child + ", at " + at + ", knownBy " + knownBy + ", recordedAsOf "
                                + recordedAsOf + ")")
                        .isEqualTo(expected);
            }
            for (int query = 0; query < 3; query++) {
                Instant recordedAsOf = query == 0 ? null : nudge(random, pick(random, recordedAts));
                List<AgencyInvolvementView> expected = LiteralReplay.involvement(stream,
                        recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf);
                count(null, expected);
                assertThat(readModels.involvement.handle(new FindInvolvement(child, recordedAsOf)))
                        .as("involvement(" + child + ", recordedAsOf " + recordedAsOf + ")")
                        .isEqualTo(expected);
            }
        }
    }

    private static Story randomHistory(Random random, List<String> agencies, List<String> children) {
        Story story = new Story();
        Map<String, Map<String, Instant>> knowledge = new HashMap<>(); // entry -> agency -> since, roughly
        List<String> entries = new ArrayList<>();
        Set<String> retracted = new TreeSet<>();
        Instant platform = Instant.parse("2008-01-01T00:00:00Z");
        for (int op = 0, ops = 10 + random.nextInt(50); op < ops; op++) {
            if (random.nextInt(4) > 0) { // else recorded at the same instant as the one before
                platform = platform.plusMillis(random.nextInt(3_000)).plusNanos(random.nextInt(3) * 1_000L);
            }
            String child = pick(random, children);
            int kind = random.nextInt(100);
            List<String> open = entries.stream().filter(entry -> !retracted.contains(entry)).toList();
            if (kind < 45 || entries.isEmpty()) {
                String agency = pick(random, agencies);
                Instant occurredAt = someDay(random);
                Instant knownAt = occurredAt.plus(Duration.ofDays(random.nextInt(3)));
                String entryId = story.record(platform, child, agency, "REF-" + op, pick(random, KINDS), occurredAt,
                        pick(random, DatePrecision.values()), knownAt, "Summary " + op,
                        pick(random, Significance.values()),
                        random.nextInt(3) == 0 ? null : "Professional " + random.nextInt(5), List.of());
                entries.add(entryId);
                knowledge.computeIfAbsent(entryId, e -> new HashMap<>()).put(agency, knownAt);
            } else if (kind < 60) {
                story.know(platform, child, pick(random, agencies), pick(random, PERSONS),
                        pick(random, PersonRole.values()), pick(random, Sex.values()), random.nextBoolean(),
                        someDay(random));
            } else if (kind < 72 && !open.isEmpty()) {
                String entryId = pick(random, open);
                EntryCorrected was = story.current(entryId);
                Instant occurredAt = random.nextBoolean() ? someDay(random) : null;
                Instant knownAt = random.nextBoolean()
                        ? (occurredAt == null ? was.occurredAt() : occurredAt).plus(Duration.ofDays(random.nextInt(3)))
                        : null;
                if (occurredAt != null && knownAt == null && was.knownAt().isBefore(occurredAt)) {
                    knownAt = occurredAt;
                }
                story.correct(platform, entryId, occurredAt, null, knownAt,
                        random.nextInt(3) == 0 ? pick(random, KINDS) : null, null, null, "Reason " + op);
                if (knownAt != null) {
                    knowledge.get(entryId).put(was.agencyId(), knownAt);
                }
            } else if (kind < 78 && !open.isEmpty()) {
                String entryId = pick(random, open);
                story.retract(platform, entryId, "Recorded in error " + op);
                retracted.add(entryId);
            } else {
                String entryId = pick(random, entries);
                String entryChild = story.current(entryId).childId();
                Map<String, Instant> knowers = knowledge.get(entryId);
                String from = pick(random, new ArrayList<>(new TreeSet<>(knowers.keySet())));
                List<String> others = agencies.stream().filter(agency -> !agency.equals(from)).toList();
                List<String> named = new ArrayList<>(List.of(entryId));
                Instant sharedAt = knowers.get(from);
                for (String other : entries) {
                    Instant since = knowledge.get(other).get(from);
                    if (!other.equals(entryId) && since != null && story.current(other).childId().equals(entryChild)
                            && random.nextInt(3) == 0) {
                        named.add(other);
                        sharedAt = sharedAt.isAfter(since) ? sharedAt : since;
                    }
                }
                sharedAt = sharedAt.plus(Duration.ofDays(random.nextInt(3)));
                String to = pick(random, others);
                story.share(platform, entryChild, from, to, sharedAt, pick(random, SharingChannel.values()),
                        named.toArray(String[]::new));
                for (String entry : named) {
                    knowledge.get(entry).merge(to, sharedAt, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return story;
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
    private static Instant nudge(Random random, Instant instant) {
        return instant.plusNanos(random.nextInt(3) - 1);
    }

    private static Instant someDay(Random random) {
        return CASE_START.plus(Duration.ofDays(random.nextInt(12))).plus(Duration.ofHours(random.nextInt(2) * 3L));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
