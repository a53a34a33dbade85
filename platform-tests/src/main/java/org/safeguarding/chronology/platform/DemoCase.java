package org.safeguarding.chronology.platform;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.platform.GraphQlClient.Json;

/**
 * Loads a fictional, pseudonymised demo case through the public commands, showing the lessons of the
 * reviews: a domestic abuse incident with a baby under 12 months that does not lead to a child
 * protection enquiry, a verbal-only share, a GP entry known two weeks after it happened, a correction
 * and a retraction; every practice pattern at least once (by 20 May 2019, and the rest by 30 June 2019). Then its users and its rapid review ({@link DemoUsers}, {@link DemoReview}). Idempotent: loading
 * it twice stores nothing new.
 *
 * <p>Usage: {@code DemoCase <commands-url> [<queries-url>]}, as the admin ({@link Credentials#fromEnvironment()}); the
 * demo users' passwords are kept in the file {@code DEMO_USERS_FILE} (./data/demo-users by default).
 */
public final class DemoCase {

    public static final String CHILD = "child-a";
    public static final String MOTHER = "person-mother";
    public static final String PARTNER = "person-male-adult-1";

    /** An agency of the demo case. */
    public record Agency(String id, String name, String sector) {
    }

    public static final List<Agency> AGENCIES = List.of(
            new Agency("csc", "Children's Social Care", "CHILDRENS_SOCIAL_CARE"),
            new Agency("police", "Police", "POLICE"),
            new Agency("gp", "GP Practice", "HEALTH"),
            new Agency("health-visiting", "Health Visiting Service", "HEALTH"),
            new Agency("hospital", "Hospital Emergency Department", "HEALTH"));

    private static final String RECORD = """
            mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId recordedAt duplicate } }""";
    private static final String SHARE = """
            mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId recordedAt duplicate } }""";

    private final GraphQlClient commands;
    private final Map<String, String> entryIds = new LinkedHashMap<>();
    private final Map<String, String> receipts = new LinkedHashMap<>();

    public DemoCase(GraphQlClient commands) {
        this.commands = commands;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: DemoCase <commands-url> [<queries-url>]");
            System.exit(2);
        }
        GraphQlClient commands = new GraphQlClient(args[0]);
        DemoCase demo = new DemoCase(commands);
        Map<String, String> entryIds = demo.load();
        DemoUsers users = DemoUsers.ensure(commands, DemoUsers.fileFromEnvironment());
        DemoReview.Summary review = new DemoReview(commands, users, entryIds).load();
        if (args.length > 1) {
            demo.awaitVisible(new GraphQlClient(args[1]));
        }
        demo.printWalkthrough();
        System.out.println(review);
        users.print(System.out);
    }

    /** Submits the whole case; answers the entry ids by demo key. */
    public Map<String, String> load() throws InterruptedException {
        AGENCIES.forEach(this::agency);
        commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", CHILD, "displayName", "Child A", "dateOfBirth", "2019-01-10")));

        entry("hv-start", "health-visiting", "HV-0001", "INVOLVEMENT_STARTED", "2019-01-21T10:00:00Z", "2019-01-21T10:00:00Z",
                "Health visiting begins after the birth of Child A.", "ROUTINE", "Health Visitor 1");
        entry("hv-new-birth", "health-visiting", "HV-0002", "HOME_VISIT", "2019-01-21T10:30:00Z", "2019-01-21T10:30:00Z",
                "New birth visit. Child A seen with Mother. Mother says her partner (Male Adult 1) stays some nights; he was not present.",
                "ROUTINE", "Health Visitor 1", MOTHER, PARTNER);
        entry("gp-start", "gp", "GP-7731", "INVOLVEMENT_STARTED", "2019-01-25T09:00:00Z", "2019-01-25T09:00:00Z",
                "Child A registered with the practice.", "ROUTINE", "GP 1");
        // the out-of-hours report reached the practice two weeks after the consultation
        entry("gp-ooh", "gp", "GP-7790", "APPOINTMENT_ATTENDED", "2019-03-04T21:15:00Z", "2019-03-18T09:00:00Z",
                "Out-of-hours consultation: small bruise behind Child A's left ear; Mother's explanation (caught on cot) accepted. Report received by the practice 18/03.",
                "SIGNIFICANT", "Out-of-Hours GP 2");
        entry("police-da", "police", "POL-19-4412", "DOMESTIC_ABUSE_INCIDENT", "2019-04-12T23:40:00Z", "2019-04-12T23:55:00Z",
                "Call-out: Mother reports assault by partner (Male Adult 1). Child A (3 months) present in the flat. Risk assessed as standard.",
                "SIGNIFICANT", "Police Officer 2", MOTHER, PARTNER);
        // historical information: known to the police, never shared
        datedEntry("police-history", "police", "POL-PNC-0413", "OTHER", "2016-03-01T00:00:00Z", "MONTH", "2019-04-13T09:00:00Z",
                "Police national computer check after the call-out: Male Adult 1 cautioned for assault on a previous partner (?/03/2016).",
                "SIGNIFICANT", "Police Officer 2", PARTNER);
        share("police", "csc", List.of("police-da"), "2019-04-15T08:30:00Z", "ELECTRONIC", "POL-SHARE-0415");
        // a telephone call to the health visitor, never followed up in writing
        share("police", "health-visiting", List.of("police-da"), "2019-04-16T14:00:00Z", "VERBAL", "POL-CALL-0416");
        entry("csc-contact", "csc", "CSC-C-5520", "CONTACT", "2019-04-15T11:00:00Z", "2019-04-15T11:00:00Z",
                "Police notification of domestic abuse received at the front door. No further action; no strategy discussion.",
                "ROUTINE", "Social Worker 3");
        entry("hv-visit", "health-visiting", "HV-0003", "CHILD_SEEN", "2019-04-30T10:00:00Z", "2019-04-30T10:00:00Z",
                "Child A seen at home. Mother says the relationship with her partner has ended.", "ROUTINE", "Health Visitor 1");
        share("health-visiting", "gp", List.of("hv-new-birth", "hv-visit"), "2019-05-02T12:00:00Z", "WRITTEN", "HV-LETTER-0502");
        // recorded against Child A in error: it concerned another child
        entry("hospital-wrong", "hospital", "ED-88120", "INJURY_PRESENTATION", "2019-05-08T16:20:00Z", "2019-05-08T16:20:00Z",
                "Attendance with a burn to the hand.", "SIGNIFICANT", "ED Nurse 4");
        entry("hospital-injury", "hospital", "ED-88341", "INJURY_PRESENTATION", "2019-05-20T02:10:00Z", "2019-05-20T02:10:00Z",
                "Child A brought in by Mother and Male Adult 1: swelling of the left arm; X-ray shows a fracture. No consistent explanation.",
                "CRITICAL", "ED Consultant 1", MOTHER, PARTNER);
        share("hospital", "csc", List.of("hospital-injury"), "2019-05-20T06:00:00Z", "ELECTRONIC", "ED-REF-0520");
        share("hospital", "police", List.of("hospital-injury"), "2019-05-20T06:05:00Z", "VERBAL", "ED-CALL-0520");
        entry("csc-start", "csc", "CSC-A-5600", "INVOLVEMENT_STARTED", "2019-05-20T09:30:00Z", "2019-05-20T09:30:00Z",
                "Case allocated after the hospital referral.", "SIGNIFICANT", "Social Worker 3");
        entry("csc-strategy", "csc", "CSC-S-5601", "STRATEGY_DISCUSSION", "2019-05-20T10:00:00Z", "2019-05-20T10:00:00Z",
                "Strategy discussion with police and hospital: section 47 enquiry agreed.", "CRITICAL", "Team Manager 1");
        // who knew the adults around Child A: nobody told the GP or children's social care of Male Adult 1
        person("health-visiting", MOTHER, "MOTHER", "FEMALE", true, "2019-01-21T10:30:00Z", "HV-P-1");
        person("health-visiting", PARTNER, "PARENTS_PARTNER", "MALE", false, "2019-01-21T10:30:00Z", "HV-P-2");
        person("gp", MOTHER, "MOTHER", "FEMALE", true, "2019-01-25T09:00:00Z", "GP-P-1");
        person("police", MOTHER, "MOTHER", "FEMALE", true, "2019-04-12T23:55:00Z", "POL-P-1");
        person("police", PARTNER, "PARENTS_PARTNER", "MALE", true, "2019-04-12T23:55:00Z", "POL-P-2");
        person("csc", MOTHER, "MOTHER", "FEMALE", true, "2019-04-15T11:00:00Z", "CSC-P-1");
        person("hospital", MOTHER, "MOTHER", "FEMALE", true, "2019-05-20T02:10:00Z", "ED-P-1");
        person("hospital", PARTNER, "PARENTS_PARTNER", "MALE", true, "2019-05-20T02:10:00Z", "ED-P-2");

        // what the reviews keep finding (see practicePatterns): a threshold decision, an escalation nobody answered,
        // a referral with a concern in common decided differently, a plan without owners, a late conference
        patternEntry("csc-screening", "csc", "CSC-R-5521", "REFERRAL", "2019-04-15T11:05:00Z",
                "Screening of the police notification: threshold for an assessment not met; no further action.",
                "ROUTINE", "Social Worker 3", object("concerns", List.of("DOMESTIC_ABUSE"),
                        "thresholdDecision", "NO_FURTHER_ACTION"));
        patternEntry("hv-escalation", "health-visiting", "HV-ESC-0502", "ESCALATION", "2019-05-02T15:00:00Z",
                "Health visitor challenges the closure of the domestic abuse notification without an assessment and asks for the decision to be reviewed.",
                "SIGNIFICANT", "Health Visitor 1", object("concerns", List.of("DOMESTIC_ABUSE"), "escalatedTo", "csc"));
        patternEntry("csc-referral", "csc", "CSC-R-5599", "REFERRAL", "2019-05-20T09:00:00Z",
                "Referral from the emergency department: unexplained fracture; domestic abuse in the household. Strategy discussion to be held.",
                "CRITICAL", "Social Worker 3", object("concerns", List.of("PHYSICAL_ABUSE", "DOMESTIC_ABUSE"),
                        "thresholdDecision", "STRATEGY_DISCUSSION"));
        patternEntry("csc-enquiry", "csc", "CSC-S47-5602", "SECTION_47_ENQUIRY", "2019-05-21T09:00:00Z",
                "Section 47 enquiry begun: joint visit with the police; Child A seen on the ward.", "SIGNIFICANT",
                "Social Worker 3", object("concerns", List.of("PHYSICAL_ABUSE")));
        patternEntry("csc-conference", "csc", "CSC-ICPC-5640", "CHILD_PROTECTION_CONFERENCE", "2019-06-13T10:00:00Z",
                "Initial child protection conference: Child A to be the subject of a child protection plan (physical abuse).",
                "CRITICAL", "Conference Chair 1", object("concerns", List.of("PHYSICAL_ABUSE", "DOMESTIC_ABUSE"),
                        "actions", List.of(
                                object("what", "Core group to meet within 10 working days", "ownerAgencyId", "csc",
                                        "dueBy", "2019-06-27", "contingency", "Conference chair to reconvene the conference"),
                                object("what", "Health visitor to see Child A every week", "ownerAgencyId",
                                        "health-visiting"))));
        patternEntry("csc-plan", "csc", "CSC-CPP-5641", "CHILD_PROTECTION_PLAN_STARTED", "2019-06-13T11:00:00Z",
                "Child protection plan started.", "SIGNIFICANT", "Social Worker 3", object());
        // the actions agreed at the strategy discussion, added from its minutes: nobody owns the second one
        receipts.put("strategy-actions", commands.postOk("""
                mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId recordedAt duplicate } }""",
                object("input", object("entryId", entryIds.get("csc-strategy"), "agencyId", "csc",
                        "actions", List.of(
                                object("what", "Joint visit by police and social worker", "ownerAgencyId", "csc",
                                        "dueBy", "2019-05-21", "contingency", "Team manager to allocate another worker"),
                                object("what", "Find out who else lives in the household")),
                        "reason", "Actions agreed at the strategy discussion added from its minutes."))));

        Thread.sleep(5); // the correction's recordedAt is visibly later than the original's
        receipts.put("correction", commands.postOk("""
                mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId recordedAt duplicate } }""",
                object("input", object("entryId", entryIds.get("police-da"), "agencyId", "police",
                        "occurredAt", "2019-04-13T00:40:00Z", "knownAt", "2019-04-13T00:55:00Z",
                        "reason", "Times transposed from the incident log: the call-out was after midnight."))));
        receipts.put("retraction", commands.postOk("""
                mutation($input: RetractEntryInput!) { retractEntry(input: $input) { entryId recordedAt duplicate } }""",
                object("input", object("entryId", entryIds.get("hospital-wrong"), "agencyId", "hospital",
                        "reason", "Recorded against Child A in error: the attendance was another child's."))));
        return entryIds;
    }

    private void person(String agencyId, String personId, String role, String sex, boolean livesWithChild,
                        String knownAt, String sourceRef) {
        commands.postOk("""
                mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId duplicate } }""",
                object("input", object("childId", CHILD, "agencyId", agencyId, "personId", personId, "role", role,
                        "sex", sex, "livesWithChild", livesWithChild, "knownAt", knownAt, "sourceRef", sourceRef)));
    }

    private void agency(Agency agency) {
        commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                object("input", object("id", agency.id(), "name", agency.name(), "sector", agency.sector())));
    }

    private void entry(String key, String agencyId, String sourceRef, String kind, String occurredAt, String knownAt,
                       String summary, String significance, String professional, String... personIds) {
        datedEntry(key, agencyId, sourceRef, kind, occurredAt, "EXACT", knownAt, summary, significance, professional, personIds);
    }

    private void datedEntry(String key, String agencyId, String sourceRef, String kind, String occurredAt, String precision,
                            String knownAt, String summary, String significance, String professional, String... personIds) {
        String response = commands.postOk(RECORD, object("input", object("childId", CHILD, "agencyId", agencyId,
                "sourceRef", sourceRef, "kind", kind, "occurredAt", occurredAt, "occurredAtPrecision", precision, "knownAt", knownAt,
                "summary", summary, "significance", significance, "professional", professional,
                "personIds", personIds.length == 0 ? null : List.of((Object[]) personIds))));
        entryIds.put(key, GraphQlClient.string(response, "entryId"));
        receipts.put(key, response);
    }

    /** An entry known when it occurred, with the fields the practice patterns read (concerns, actions, ...). */
    private void patternEntry(String key, String agencyId, String sourceRef, String kind, String occurredAt,
                              String summary, String significance, String professional, Json.Raw patternFields) {
        String fields = patternFields.json();
        String input = object("childId", CHILD, "agencyId", agencyId, "sourceRef", sourceRef, "kind", kind,
                "occurredAt", occurredAt, "knownAt", occurredAt, "summary", summary, "significance", significance,
                "professional", professional).json();
        String response = commands.postOk(RECORD, object("input", new Json.Raw(fields.equals("{}") ? input
                : input.substring(0, input.length() - 1) + "," + fields.substring(1))));
        entryIds.put(key, GraphQlClient.string(response, "entryId"));
        receipts.put(key, response);
    }

    private void share(String from, String to, List<String> entryKeys, String sharedAt, String channel, String sourceRef) {
        List<Object> ids = entryKeys.stream().map(k -> (Object) entryIds.get(k)).toList();
        receipts.put(sourceRef, commands.postOk(SHARE, object("input", object("childId", CHILD, "fromAgencyId", from,
                "toAgencyId", to, "entryIds", ids, "sharedAt", sharedAt, "channel", channel, "sourceRef", sourceRef))));
    }

    /** Waits until the query side shows the retraction (the last command), at most 30 s. */
    public void awaitVisible(GraphQlClient queries) throws InterruptedException {
        String query = "query($id: ID!) { entry(id: $id) { version } }";
        GraphQlClient.Json.Raw variables = object("id", entryIds.get("hospital-wrong"));
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (queries.post(query, variables).contains("\"version\":2")) {
                return;
            }
            Thread.sleep(100);
        }
        System.err.println("warning: the demo case is not visible to queries yet; try again in a moment");
    }

    public Instant recordedAt(String key) {
        return Instant.parse(GraphQlClient.string(receipts.get(key), "recordedAt"));
    }

    private void printWalkthrough() {
        Instant beforeCorrection = recordedAt("correction").minusNanos(1000);
        System.out.printf("""
                Demo case loaded: Child A (childId "%s").
                  the police domestic abuse entry:     %s (corrected at %s)
                  the retracted hospital entry:        %s
                  the record as it stood before the correction: recordedAsOf "%s"
                """, CHILD, entryIds.get("police-da"), recordedAt("correction"), entryIds.get("hospital-wrong"),
                beforeCorrection);
    }
}
