package org.safeguarding.chronology.platform.bench;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.safeguarding.chronology.platform.GraphQlClient.Json.Raw;

/**
 * Seeded synthetic case histories for the bench: the same seed gives the same children, entries and follow-ups.
 * Children have heavy-tailed histories (most 50 to 500 entries, a few 500 to 3,000, one in two hundred 10,000),
 * each with a handful of agencies and persons; about 10% of entries are known late, 5% are corrected, 1%
 * retracted and a fifth shared onwards. Every name is synthetic.
 */
public final class BenchData {

    public static final String[][] AGENCIES = {
            {"bench-csc", "Children's Social Care (bench)", "CHILDRENS_SOCIAL_CARE"},
            {"bench-police", "Police (bench)", "POLICE"},
            {"bench-gp", "GP Practice (bench)", "HEALTH"},
            {"bench-health-visiting", "Health Visiting (bench)", "HEALTH"},
            {"bench-hospital", "Hospital (bench)", "HEALTH"},
            {"bench-school", "School (bench)", "EDUCATION"},
            {"bench-housing", "Housing (bench)", "HOUSING"},
            {"bench-probation", "Probation (bench)", "PROBATION"},
            {"bench-voluntary", "Family Support Charity (bench)", "VOLUNTARY"},
            {"bench-camhs", "CAMHS (bench)", "HEALTH"}};

    private static final String[] KINDS = {"CONTACT", "HOME_VISIT", "APPOINTMENT_ATTENDED", "APPOINTMENT_MISSED",
            "CONCERN_RAISED", "CHILD_SEEN", "REFERRAL", "ASSESSMENT", "MULTI_AGENCY_MEETING", "INJURY_PRESENTATION",
            "DOMESTIC_ABUSE_INCIDENT", "STRATEGY_DISCUSSION", "SECTION_47_ENQUIRY", "CHILD_PROTECTION_CONFERENCE",
            "CHILD_PROTECTION_PLAN_STARTED", "CHILD_PROTECTION_PLAN_ENDED", "ESCALATION", "OTHER", "INVOLVEMENT_STARTED",
            "INVOLVEMENT_ENDED"};
    private static final int[] KIND_WEIGHTS = {30, 18, 14, 6, 6, 10, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 2};
    private static final String[] CONCERNS = {"DOMESTIC_ABUSE", "NEGLECT", "PARENTAL_MENTAL_HEALTH",
            "PARENTAL_ALCOHOL_MISUSE", "NON_ENGAGEMENT"};
    private static final String[] THRESHOLDS = {"NO_FURTHER_ACTION", "EARLY_HELP", "CHILD_IN_NEED_ASSESSMENT",
            "SECTION_47_ENQUIRY"};
    private static final java.util.Set<String> ACTION_KINDS = java.util.Set.of("STRATEGY_DISCUSSION",
            "CHILD_PROTECTION_CONFERENCE", "MULTI_AGENCY_MEETING", "CHILD_PROTECTION_PLAN_STARTED");
    private static final String[] ROLES = {"MOTHER", "FATHER", "PARENTS_PARTNER", "SIBLING", "GRANDPARENT",
            "LODGER_OR_VISITOR", "OTHER_RELATIVE"};
    private static final String[] CHANNELS = {"VERBAL", "WRITTEN", "ELECTRONIC", "MEETING"};
    private static final String[] WORDS = ("visit seen home mother baby school attended concern bruise nursery "
            + "appointment missed partner address housing police called report referral plan review meeting "
            + "discussed weight feeding sleeping crying injury explained father contact letter phoned").split(" ");

    private final long seed;

    public BenchData(long seed) {
        this.seed = seed;
    }

    /** What a command is, for the loader: entries may go in batches, the rest one at a time. */
    public enum Kind { ENTRY, PERSON, CORRECTION, RETRACTION, SHARE }

    /** One command's input. */
    public record Command(Kind kind, Raw input) {
    }

    /** A child's whole history: registration, then entries and persons, then corrections, retractions, shares. */
    public record ChildHistory(String childId, Raw registration, List<Command> entries, List<Command> persons,
                               List<Command> followUps, String mainAgency, Instant firstOccurred,
                               Instant lastOccurred) {
        public int events() {
            return 1 + entries.size() + persons.size() + followUps.size();
        }
    }

    /** The size of the n-th generated child's history: heavy-tailed, seeded. */
    public int entriesOf(long n) {
        SplittableRandom random = new SplittableRandom(seed * 31 + n);
        double tier = random.nextDouble();
        if (tier < 0.005) {
            return 10_000;
        }
        if (tier < 0.03) {
            return logUniform(random, 500, 3_000);
        }
        return logUniform(random, 50, 500);
    }

    /** The n-th generated child, its id prefixed. */
    public ChildHistory child(String prefix, long n) {
        return child(prefix + "-" + n, n, entriesOf(n));
    }

    /** A child of exactly this many entries (the measured children). */
    public ChildHistory child(String childId, long n, int entryCount) {
        SplittableRandom random = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L) ^ childId.hashCode());
        LocalDate birth = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(2_000));
        Instant start = birth.atStartOfDay().toInstant(ZoneOffset.UTC);
        long spanSeconds = Duration.ofDays(365L * 2 + random.nextInt(365 * 6)).toSeconds();
        Raw registration = object("id", childId, "displayName", "Child " + childId.toUpperCase(), "dateOfBirth",
                birth.toString());

        int agencyCount = 2 + random.nextInt(5);
        int[] agencies = random.ints(0, AGENCIES.length).distinct().limit(agencyCount).toArray();
        int personCount = 2 + random.nextInt(5);
        List<Command> persons = new ArrayList<>();
        String[] personIds = new String[personCount];
        for (int p = 0; p < personCount; p++) {
            personIds[p] = childId + "-person-" + p;
            int knownBy = 1 + random.nextInt(Math.min(3, agencyCount));
            for (int k = 0; k < knownBy; k++) {
                String role = p == 0 ? "MOTHER" : ROLES[1 + random.nextInt(ROLES.length - 1)];
                Instant knownAt = start.plusSeconds((long) (random.nextDouble() * spanSeconds));
                persons.add(new Command(Kind.PERSON, object("childId", childId,
                        "agencyId", AGENCIES[agencies[k]][0], "personId", personIds[p], "role", role,
                        "sex", p == 0 ? "FEMALE" : random.nextInt(4) == 0 ? "FEMALE" : "MALE",
                        "livesWithChild", p < 2 || random.nextBoolean(), "knownAt", knownAt.toString(),
                        "sourceRef", "PERSON-" + p + "-" + k)));
            }
        }

        List<Command> entries = new ArrayList<>(entryCount);
        // the fields of the practice patterns from a random of their own: the rest of the history stays as it was
        SplittableRandom patterns = new SplittableRandom(seed ^ childId.hashCode() ^ 0x5DEECE66DL);
        String[] entryAgency = new String[entryCount];
        Instant[] entryKnownAt = new Instant[entryCount];
        Instant last = start;
        for (int i = 0; i < entryCount; i++) {
            // agencies submit their own chronologies, so submission order is only roughly time order
            Instant occurred = start.plusSeconds((long) ((i + random.nextDouble() * 20 - 10) * spanSeconds / entryCount))
                    .truncatedTo(ChronoUnit.SECONDS);
            if (occurred.isBefore(start)) {
                occurred = start;
            }
            String precision = "EXACT";
            double p = random.nextDouble();
            if (p < 0.02) {
                precision = "DAY";
                occurred = occurred.truncatedTo(ChronoUnit.DAYS);
            } else if (p < 0.03) {
                precision = "MONTH";
                LocalDate day = LocalDate.ofInstant(occurred, ZoneOffset.UTC).withDayOfMonth(1);
                occurred = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant knownAt = random.nextInt(10) == 0
                    ? occurred.plus(7 + random.nextInt(200), ChronoUnit.DAYS) // known late
                    : occurred.plusSeconds(60 + random.nextInt(3 * 86_400));
            String agency = AGENCIES[agencies[random.nextInt(agencyCount) * random.nextInt(2)]][0];
            entryAgency[i] = agency;
            entryKnownAt[i] = knownAt;
            if (occurred.isAfter(last)) {
                last = occurred;
            }
            List<String> named = random.nextInt(10) < 3
                    ? Arrays.asList(personIds).subList(0, 1 + random.nextInt(Math.min(2, personCount)))
                    : null;
            String kind = kind(random);
            String escalatedTo = kind.equals("ESCALATION")
                    ? AGENCIES[agencies[(1 + patterns.nextInt(agencyCount - 1) + indexOf(agencies, agency))
                            % agencyCount]][0] : null;
            entries.add(new Command(Kind.ENTRY, object("childId", childId, "agencyId", agency,
                    "sourceRef", "REF-" + i, "kind", kind, "occurredAt", occurred.toString(),
                    "occurredAtPrecision", precision, "knownAt", knownAt.toString(), "summary", summary(random, i),
                    "significance", significance(random),
                    "professional", "Practitioner " + (1 + random.nextInt(6)), "personIds", named,
                    "concerns", concerns(patterns),
                    "thresholdDecision", kind.equals("REFERRAL") && patterns.nextInt(4) > 0
                            ? THRESHOLDS[patterns.nextInt(THRESHOLDS.length)] : null,
                    "actions", ACTION_KINDS.contains(kind) ? actions(patterns, agencies, agencyCount, occurred) : null,
                    "escalatedTo", escalatedTo)));
        }

        // shares first: a retracted entry can no longer be shared
        List<Command> followUps = new ArrayList<>();
        List<Command> amendments = new ArrayList<>();
        for (int i = 0; i < entryCount; i++) {
            String entryId = childId + "/E" + (i + 1);
            double r = random.nextDouble();
            if (r < 0.05) {
                amendments.add(new Command(Kind.CORRECTION, object("entryId", entryId, "agencyId", entryAgency[i],
                        "summary", summary(random, i) + " (corrected)", "significance", significance(random),
                        "reason", "Agency chronology reconciled with the case file")));
            } else if (r < 0.06) {
                amendments.add(new Command(Kind.RETRACTION, object("entryId", entryId, "agencyId", entryAgency[i],
                        "reason", "Recorded against the wrong child")));
            }
        }
        // a fifth of entries shared onwards, a few entries of one agency at a time
        int shares = 0;
        for (int i = 0; i < entryCount; ) {
            int size = 1 + random.nextInt(4);
            if (random.nextInt(5 * size) >= size) {
                i++;
                continue;
            }
            List<String> shared = new ArrayList<>();
            Instant sharedAt = entryKnownAt[i];
            for (int j = i; j < Math.min(entryCount, i + size * 3) && shared.size() < size; j++) {
                if (entryAgency[j].equals(entryAgency[i])) {
                    shared.add(childId + "/E" + (j + 1));
                    if (entryKnownAt[j].isAfter(sharedAt)) {
                        sharedAt = entryKnownAt[j];
                    }
                }
            }
            String to = AGENCIES[agencies[(1 + random.nextInt(agencyCount - 1) + indexOf(agencies, entryAgency[i]))
                    % agencyCount]][0];
            followUps.add(new Command(Kind.SHARE, object("childId", childId, "fromAgencyId", entryAgency[i],
                    "toAgencyId", to, "entryIds", shared,
                    "sharedAt", sharedAt.plus(random.nextInt(30), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400)).toString(),
                    "channel", CHANNELS[random.nextInt(CHANNELS.length)], "sourceRef", "SHARE-" + shares++)));
            i += size * 3;
        }
        followUps.addAll(amendments);
        return new ChildHistory(childId, registration, entries, persons, followUps,
                AGENCIES[agencies[0]][0], start, last);
    }

    /** One concern in two entries, now and then two. */
    private static List<String> concerns(SplittableRandom random) {
        if (random.nextBoolean()) {
            return null;
        }
        List<String> concerns = new ArrayList<>(List.of(CONCERNS[random.nextInt(CONCERNS.length)]));
        if (random.nextInt(4) == 0) {
            concerns.add(CONCERNS[random.nextInt(CONCERNS.length)]);
        }
        return concerns;
    }

    /** One to three actions, each part left out now and then. */
    private static List<Raw> actions(SplittableRandom random, int[] agencies, int agencyCount, Instant occurred) {
        List<Raw> actions = new ArrayList<>();
        for (int a = 0, count = 1 + random.nextInt(3); a < count; a++) {
            actions.add(object("what", "Action " + (a + 1) + " of the plan",
                    "ownerAgencyId", random.nextInt(4) > 0 ? AGENCIES[agencies[random.nextInt(agencyCount)]][0] : null,
                    "dueBy", random.nextInt(4) > 0
                            ? LocalDate.ofInstant(occurred, ZoneOffset.UTC).plusDays(10 + random.nextInt(30)).toString()
                            : null,
                    "contingency", random.nextInt(3) > 0 ? "Escalate to the team manager" : null));
        }
        return actions;
    }

    private static int indexOf(int[] agencies, String agencyId) {
        for (int k = 0; k < agencies.length; k++) {
            if (AGENCIES[agencies[k]][0].equals(agencyId)) {
                return k;
            }
        }
        throw new IllegalArgumentException(agencyId);
    }

    private static int logUniform(SplittableRandom random, int from, int to) {
        return (int) Math.round(Math.exp(Math.log(from) + random.nextDouble() * (Math.log(to) - Math.log(from))));
    }

    private static String kind(SplittableRandom random) {
        int total = Arrays.stream(KIND_WEIGHTS).sum();
        int pick = random.nextInt(total);
        for (int k = 0; k < KINDS.length; k++) {
            pick -= KIND_WEIGHTS[k];
            if (pick < 0) {
                return KINDS[k];
            }
        }
        return KINDS[0];
    }

    private static String significance(SplittableRandom random) {
        int s = random.nextInt(100);
        return s < 80 ? "ROUTINE" : s < 97 ? "SIGNIFICANT" : "CRITICAL";
    }

    private static String summary(SplittableRandom random, int i) {
        StringBuilder b = new StringBuilder("Entry ").append(i + 1).append(':');
        int words = 12 + random.nextInt(40);
        for (int w = 0; w < words; w++) {
            b.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.append('.').toString();
    }
}
