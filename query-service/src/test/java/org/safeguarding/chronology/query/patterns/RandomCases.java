package org.safeguarding.chronology.query.patterns;

import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * Seeded random cases that reach every practice-pattern rule: a child registered with a date of birth near the
 * case (sometimes 29 February, sometimes none), entries of the kinds the rules read with concerns, thresholds,
 * actions, escalations and answers, persons known, shares on every channel, corrections and retractions. Case
 * times fall in spring 2019 (Easter, the May bank holidays, the clock change of 31 March), at whole hours, so that
 * deadlines are often met exactly.
 */
final class RandomCases {

    static final Instant CASE_START = Instant.parse("2019-03-18T00:00:00Z");
    private static final Instant PLATFORM_START = Instant.parse("2020-01-01T00:00:00Z");
    private static final List<EntryKind> KINDS = List.of(EntryKind.DOMESTIC_ABUSE_INCIDENT,
            EntryKind.DOMESTIC_ABUSE_INCIDENT, EntryKind.STRATEGY_DISCUSSION, EntryKind.STRATEGY_DISCUSSION,
            EntryKind.SECTION_47_ENQUIRY, EntryKind.SECTION_47_ENQUIRY, EntryKind.CHILD_PROTECTION_CONFERENCE,
            EntryKind.CHILD_PROTECTION_PLAN_STARTED, EntryKind.CHILD_PROTECTION_PLAN_ENDED, EntryKind.CHILD_SEEN,
            EntryKind.CHILD_SEEN, EntryKind.REFERRAL, EntryKind.REFERRAL, EntryKind.REFERRAL, EntryKind.ESCALATION,
            EntryKind.ESCALATION, EntryKind.MULTI_AGENCY_MEETING, EntryKind.INVOLVEMENT_STARTED,
            EntryKind.INVOLVEMENT_STARTED, EntryKind.INVOLVEMENT_ENDED, EntryKind.HOME_VISIT, EntryKind.CONTACT);
    /** Kinds an entry without the special fields may be corrected to. */
    private static final List<EntryKind> PLAIN = List.of(EntryKind.CHILD_SEEN, EntryKind.HOME_VISIT,
            EntryKind.DOMESTIC_ABUSE_INCIDENT, EntryKind.SECTION_47_ENQUIRY, EntryKind.STRATEGY_DISCUSSION,
            EntryKind.CHILD_PROTECTION_CONFERENCE, EntryKind.CHILD_PROTECTION_PLAN_ENDED);
    private static final List<Concern> CONCERNS = List.of(Concern.DOMESTIC_ABUSE, Concern.NEGLECT,
            Concern.PARENTAL_MENTAL_HEALTH);
    private static final List<String> PERSONS = List.of("person-1", "person-2", "person-3");

    private final int days;

    RandomCases(int days) {
        this.days = days;
    }

    Story history(Random random, List<String> agencies, String child) {
        Story story = new Story();
        Instant platform = PLATFORM_START;
        story.register(platform, child, dateOfBirth(random));
        Map<String, Map<String, Instant>> knowledge = new HashMap<>();
        List<String> entries = new ArrayList<>();
        Set<String> retracted = new TreeSet<>();
        for (int op = 0, ops = 15 + random.nextInt(60); op < ops; op++) {
            if (random.nextInt(4) > 0) {
                platform = platform.plusMillis(1 + random.nextInt(3_000)).plusNanos(random.nextInt(3) * 1_000L);
            }
            int what = random.nextInt(100);
            List<String> open = entries.stream().filter(entry -> !retracted.contains(entry)).toList();
            if (what < 50 || entries.isEmpty()) {
                String entryId = record(random, story, agencies, child, entries, platform, op);
                entries.add(entryId);
                EntryRecorded recorded = story.recorded(entryId);
                knowledge.computeIfAbsent(entryId, e -> new HashMap<>()).put(recorded.agencyId(), recorded.knownAt());
            } else if (what < 60) {
                story.know(platform, child, pick(random, agencies), pick(random, PERSONS),
                        pick(random, PersonRole.values()), pick(random, Sex.values()), random.nextBoolean(),
                        someTime(random));
            } else if (what < 70 && !open.isEmpty()) {
                correct(random, story, pick(random, open), platform, op, knowledge);
            } else if (what < 74 && !open.isEmpty()) {
                String entryId = pick(random, open);
                story.retract(platform, entryId, "Recorded in error " + op);
                retracted.add(entryId);
            } else {
                share(random, story, knowledge, pick(random, entries), agencies, platform, child);
            }
        }
        return story;
    }

    private String record(Random random, Story story, List<String> agencies, String child, List<String> entries,
                          Instant platform, int op) {
        String agency = pick(random, agencies);
        EntryKind kind = pick(random, KINDS);
        Instant occurredAt = someTime(random);
        Instant knownAt = occurredAt.plus(Duration.ofHours(random.nextInt(3) == 0 ? random.nextInt(72) : 0));
        List<Concern> concerns = CONCERNS.stream().filter(concern -> random.nextInt(3) == 0).toList();
        ThresholdDecision threshold = kind == EntryKind.REFERRAL && random.nextInt(5) > 0
                ? pick(random, new ThresholdDecision[] {ThresholdDecision.EARLY_HELP,
                        ThresholdDecision.SECTION_47_ENQUIRY, ThresholdDecision.NO_FURTHER_ACTION})
                : null;
        List<PlanAction> actions = PlanAction.KINDS.contains(kind) && random.nextBoolean()
                ? actions(random, agencies) : List.of();
        String escalatedTo = kind == EntryKind.ESCALATION
                ? pick(random, agencies.stream().filter(other -> !other.equals(agency)).toList()) : null;
        String respondsTo = null;
        // now and then exactly on a deadline another entry sets, or one microsecond before it
        if (random.nextInt(3) == 0 && (kind == EntryKind.STRATEGY_DISCUSSION || kind == EntryKind.SECTION_47_ENQUIRY)) {
            String incident = latest(story, entries, EntryKind.DOMESTIC_ABUSE_INCIDENT);
            if (incident != null) {
                occurredAt = onTheDeadline(random, story.current(incident).occurredAt().plus(Duration.ofDays(7)),
                        occurredAt);
                knownAt = occurredAt;
            }
        } else if (random.nextInt(2) == 0 && kind == EntryKind.CHILD_PROTECTION_CONFERENCE) {
            String discussion = latest(story, entries, EntryKind.STRATEGY_DISCUSSION);
            if (discussion != null) {
                occurredAt = onTheDeadline(random, Deadlines.workingDays(story.current(discussion).occurredAt(), 15),
                        occurredAt);
                knownAt = occurredAt;
            }
        }
        if (random.nextInt(3) == 0) {
            List<String> escalations = entries.stream()
                    .filter(id -> story.recorded(id).kind() == EntryKind.ESCALATION
                            && agency.equals(story.recorded(id).escalatedTo()))
                    .toList();
            if (!escalations.isEmpty()) {
                String escalation = pick(random, escalations);
                respondsTo = escalation;
                Instant escalated = story.current(escalation).occurredAt();
                occurredAt = onTheDeadline(random, Deadlines.workingDays(escalated, 5),
                        escalated.plus(Duration.ofHours(24L * random.nextInt(10))));
                knownAt = occurredAt;
            }
        }
        return story.record(platform, child, agency, "REF-" + op, kind, occurredAt, DatePrecision.EXACT, knownAt,
                "Summary " + op, pick(random, Significance.values()), "Professional " + random.nextInt(3), List.of(),
                concerns, threshold, actions, escalatedTo, respondsTo);
    }

    /** The deadline itself, one microsecond before it, or the other instant. */
    private static Instant onTheDeadline(Random random, Instant deadline, Instant otherwise) {
        return switch (random.nextInt(3)) {
            case 0 -> deadline;
            case 1 -> deadline.minusNanos(1_000);
            default -> otherwise;
        };
    }

    /** The last recorded entry of this kind as it now stands, or null. */
    private static String latest(Story story, List<String> entries, EntryKind kind) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (story.current(entries.get(i)).kind() == kind) {
                return entries.get(i);
            }
        }
        return null;
    }

    private static List<PlanAction> actions(Random random, List<String> agencies) {
        List<PlanAction> actions = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            actions.add(new PlanAction("Action " + i, random.nextBoolean() ? pick(random, agencies) : null,
                    random.nextBoolean() ? LocalDate.of(2019, 5, 1 + random.nextInt(20)) : null,
                    random.nextInt(3) == 0 ? "Review at the core group" : null));
        }
        return actions;
    }

    /** Case times, kind, significance and (on a referral) concerns and threshold; the special fields stay valid. */
    private void correct(Random random, Story story, String entryId, Instant platform, int op,
                         Map<String, Map<String, Instant>> knowledge) {
        EntryCorrected was = story.current(entryId);
        EntryRecorded first = story.recorded(entryId);
        Instant occurredAt = random.nextBoolean() ? someTime(random) : null;
        Instant knownAt = occurredAt != null && was.knownAt().isBefore(occurredAt) ? occurredAt : null;
        boolean plain = was.actions().isEmpty() && was.thresholdDecision() == null && first.escalatedTo() == null
                && was.kind() != EntryKind.REFERRAL;
        EntryKind kind = plain && random.nextInt(3) == 0 ? pick(random, PLAIN) : null;
        boolean referral = was.kind() == EntryKind.REFERRAL;
        story.correct(platform, entryId, occurredAt, null, knownAt, kind, null,
                random.nextInt(3) == 0 ? pick(random, Significance.values()) : null, "Reason " + op,
                referral && random.nextBoolean() ? CONCERNS.subList(random.nextInt(3), 3) : null,
                referral && random.nextBoolean() ? pick(random, ThresholdDecision.values()) : null, null);
        if (knownAt != null) {
            knowledge.get(entryId).put(was.agencyId(), knownAt);
        }
    }

    private static void share(Random random, Story story, Map<String, Map<String, Instant>> knowledge,
                              String entryId, List<String> agencies, Instant platform, String child) {
        Map<String, Instant> knowers = knowledge.get(entryId);
        String from = pick(random, new ArrayList<>(new TreeSet<>(knowers.keySet())));
        String to = pick(random, agencies.stream().filter(agency -> !agency.equals(from)).toList());
        Instant sharedAt = knowers.get(from).plus(Duration.ofHours(24L * random.nextInt(6)));
        SharingChannel channel = pick(random, SharingChannel.values());
        story.share(platform, child, from, to, sharedAt, channel, entryId);
        knowledge.get(entryId).merge(to, sharedAt, (a, b) -> a.isBefore(b) ? a : b);
        if (channel == SharingChannel.VERBAL && random.nextInt(3) == 0) {
            // the written follow-up, exactly at the deadline or just after it
            Instant written = sharedAt.plus(Duration.ofDays(5)).plusNanos(random.nextBoolean() ? 0 : 1_000);
            story.share(platform.plusMillis(1), child, from, to, written, SharingChannel.WRITTEN, entryId);
        }
    }

    /** A date of birth within the case's reach: before it, during it, or none; now and then 29 February. */
    private LocalDate dateOfBirth(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> LocalDate.of(2016, 2, 29).plusYears(random.nextInt(2) * 4L);
            default -> LocalDate.of(2019, 3, 18).plusDays(random.nextInt(days) - 200L - random.nextInt(300));
        };
    }

    private Instant someTime(Random random) {
        return CASE_START.plus(Duration.ofDays(random.nextInt(days))).plus(Duration.ofHours(random.nextInt(24)));
    }

}
