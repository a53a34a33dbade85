package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Both services booted from their jars on the embedded store over TCP, driven through the public contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId recordedAt duplicate } }";
    private static final String CORRECT = "mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId recordedAt duplicate } }";
    private static final String RETRACT = "mutation($input: RetractEntryInput!) { retractEntry(input: $input) { entryId recordedAt duplicate } }";
    private static final String SHARE = "mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId recordedAt duplicate } }";
    private static final String CHRONOLOGY = """
            query($childId: ID!, $knownBy: ID, $knownAt: DateTime, $recordedAsOf: DateTime, $first: Int, $after: String) {
              chronology(childId: $childId, knownBy: $knownBy, knownAt: $knownAt, recordedAsOf: $recordedAsOf, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id sourceRef summary version occurredAt knownAt recordedAt agency { id name }
                  knownTo { agency { id } since how channel } history { version retracted reason summary } } }
              }
            }""";

    private Platform platform;

    @BeforeAll
    void start() throws Exception {
        platform = Platform.onMemoryStore(Path.of("target", "e2e-logs"));
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void recordsCorrectsRetractsSharesAndReplaysTheRecordAsItStood() throws Exception {
        registerAgency("e2e-police", "Police", "POLICE");
        registerAgency("e2e-gp", "GP Practice", "HEALTH");
        platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id displayName } }",
                object("input", object("id", "e2e-child", "displayName", "Child B", "dateOfBirth", "2020-02-01")));

        String first = record("e2e-child", "e2e-police", "POL-1", "2020-03-01T22:00:00Z", "2020-03-01T22:30:00Z", "Call-out to the home.");
        String entryId = JsonPath.read(first, "$.data.recordEntry.entryId");
        Instant recordedAt = Instant.parse(JsonPath.read(first, "$.data.recordEntry.recordedAt"));
        assertThat((Boolean) JsonPath.read(first, "$.data.recordEntry.duplicate")).isFalse();

        String again = record("e2e-child", "e2e-police", "POL-1", "2020-03-01T22:00:00Z", "2020-03-01T22:30:00Z", "Call-out to the home.");
        assertThat((String) JsonPath.read(again, "$.data.recordEntry.entryId")).isEqualTo(entryId);
        assertThat(Instant.parse(JsonPath.read(again, "$.data.recordEntry.recordedAt"))).isEqualTo(recordedAt);
        assertThat((Boolean) JsonPath.read(again, "$.data.recordEntry.duplicate")).isTrue();

        assertClassification(record("e2e-child", "e2e-police", "POL-1", "2020-03-01T22:00:00Z", "2020-03-01T22:30:00Z", "Different words."), "CONFLICT");
        assertClassification(record("no-such-child", "e2e-police", "POL-9", "2020-03-01T22:00:00Z", "2020-03-01T22:30:00Z", "x"), "NOT_FOUND");
        assertClassification(record("e2e-child", "e2e-police", "POL-8", "2020-03-01T22:00:00Z", "2020-03-01T21:00:00Z", "known before it happened"), "BAD_REQUEST");
        assertClassification(record("e2e-child", "e2e-police", "POL-7", "2999-03-01T22:00:00Z", "2999-03-01T22:00:00Z", "in the future"), "BAD_REQUEST");
        assertClassification(platform.commands.post(RETRACT, object("input", object("entryId", entryId, "agencyId", "e2e-gp", "reason", "not ours"))), "FORBIDDEN");

        String corrected = platform.commands.postOk(CORRECT, object("input", object("entryId", entryId, "agencyId", "e2e-police",
                "summary", "Call-out to the home; Child B present.", "reason", "Child B's presence left out")));
        Instant correctedAt = Instant.parse(JsonPath.read(corrected, "$.data.correctEntry.recordedAt"));
        assertThat(correctedAt).isAfter(recordedAt);

        String shared = platform.commands.postOk(SHARE, object("input", object("childId", "e2e-child", "fromAgencyId", "e2e-police",
                "toAgencyId", "e2e-gp", "entryIds", List.of(entryId), "sharedAt", "2020-03-05T09:00:00Z", "channel", "VERBAL",
                "sourceRef", "POL-CALL-1")));
        assertThat((String) JsonPath.read(shared, "$.data.shareInformation.sharingId")).isNotBlank();
        assertClassification(platform.commands.post(SHARE, object("input", object("childId", "e2e-child", "fromAgencyId", "e2e-gp",
                "toAgencyId", "e2e-police", "entryIds", List.of(entryId), "sharedAt", "2020-03-04T09:00:00Z", "channel", "WRITTEN",
                "sourceRef", "GP-LETTER-1"))), "CONFLICT");

        String second = record("e2e-child", "e2e-gp", "GP-1", "2020-03-10T09:00:00Z", "2020-03-10T09:00:00Z", "Recorded in error.");
        String secondId = JsonPath.read(second, "$.data.recordEntry.entryId");
        String retracted = platform.commands.postOk(RETRACT, object("input", object("entryId", secondId, "agencyId", "e2e-gp", "reason", "wrong child")));
        Instant retractedAt = Instant.parse(JsonPath.read(retracted, "$.data.retractEntry.recordedAt"));

        // now: one entry, corrected, known to the GP by a verbal share
        String now = awaitChronology(Map.of("childId", "e2e-child"), r -> r.contains("Child B present") && !r.contains("Recorded in error"));
        assertThat((Integer) JsonPath.read(now, "$.data.chronology.totalCount")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(now, "$.data.chronology.edges[0].node.version")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(now, "$.data.chronology.edges[0].node.knownTo[*].agency.id")).containsExactly("e2e-police", "e2e-gp");
        assertThat((List<String>) JsonPath.read(now, "$.data.chronology.edges[0].node.knownTo[*].how")).containsExactly("OWN_RECORD", "SHARED");
        assertThat((String) JsonPath.read(now, "$.data.chronology.edges[0].node.knownTo[1].channel")).isEqualTo("VERBAL");
        assertThat((String) JsonPath.read(now, "$.data.chronology.edges[0].node.agency.name")).isEqualTo("Police");

        // the record as it stood before the correction and before the retraction
        String before = chronology(Map.of("childId", "e2e-child", "recordedAsOf", correctedAt.minusNanos(1000).toString()));
        assertThat((Integer) JsonPath.read(before, "$.data.chronology.totalCount")).isEqualTo(1);
        assertThat((String) JsonPath.read(before, "$.data.chronology.edges[0].node.summary")).isEqualTo("Call-out to the home.");
        assertThat((Integer) JsonPath.read(before, "$.data.chronology.edges[0].node.version")).isEqualTo(1);
        String beforeRetraction = chronology(Map.of("childId", "e2e-child", "recordedAsOf", retractedAt.minusNanos(1000).toString()));
        assertThat((Integer) JsonPath.read(beforeRetraction, "$.data.chronology.totalCount")).isEqualTo(2);
        String atReceipt = chronology(Map.of("childId", "e2e-child", "recordedAsOf", recordedAt.toString()));
        assertThat((Integer) JsonPath.read(atReceipt, "$.data.chronology.totalCount")).isEqualTo(1);

        // what the GP knew, and when
        assertThat((Integer) JsonPath.read(chronology(Map.of("childId", "e2e-child", "knownBy", "e2e-gp", "knownAt", "2020-03-04T23:59:59Z")),
                "$.data.chronology.totalCount")).isEqualTo(0);
        assertThat((Integer) JsonPath.read(chronology(Map.of("childId", "e2e-child", "knownBy", "e2e-gp", "knownAt", "2020-03-05T09:00:00Z")),
                "$.data.chronology.totalCount")).isEqualTo(1);

        // the retracted entry keeps its history
        String entry = platform.queries.postOk("query($id: ID!) { entry(id: $id) { version history { version retracted reason } } }",
                object("id", secondId));
        assertThat((Integer) JsonPath.read(entry, "$.data.entry.version")).isEqualTo(2);
        assertThat((List<Boolean>) JsonPath.read(entry, "$.data.entry.history[*].retracted")).containsExactly(false, true);
        assertThat((String) JsonPath.read(entry, "$.data.entry.history[1].reason")).isEqualTo("wrong child");

        assertClassification(chronology(Map.of("childId", "e2e-child", "first", 501)), "BAD_REQUEST");
    }

    @Test
    void pagesWithCursorsAndLoadsTheDemoCase() throws Exception {
        DemoCase demo = new DemoCase(platform.commands);
        Map<String, String> ids = demo.load();
        demo.awaitVisible(platform.queries);
        // loading again changes nothing
        new DemoCase(platform.commands).load();

        String all = chronology(Map.of("childId", DemoCase.CHILD, "first", 500));
        int total = JsonPath.read(all, "$.data.chronology.totalCount");
        assertThat(total).isEqualTo(ids.size() - 1); // the retracted entry is left out
        List<String> allIds = JsonPath.read(all, "$.data.chronology.edges[*].node.id");
        assertThat(allIds).doesNotContain(ids.get("hospital-wrong")).doesNotHaveDuplicates();

        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("childId", DemoCase.CHILD, "first", 4));
            if (after != null) {
                variables.put("after", after);
            }
            String page = chronology(variables);
            paged.addAll(JsonPath.read(page, "$.data.chronology.edges[*].node.id"));
            more = JsonPath.read(page, "$.data.chronology.pageInfo.hasNextPage");
            after = JsonPath.read(page, "$.data.chronology.pageInfo.endCursor");
            assertThat((Integer) JsonPath.read(page, "$.data.chronology.totalCount")).isEqualTo(total);
        }
        assertThat(paged).isEqualTo(allIds);

        // what the GP knew on 1 May 2019: its own entries only (the verbal police call went to the health visitor)
        String gp = chronology(Map.of("childId", DemoCase.CHILD, "knownBy", "gp", "knownAt", "2019-05-01T00:00:00Z"));
        assertThat((List<String>) JsonPath.read(gp, "$.data.chronology.edges[*].node.sourceRef")).containsExactly("GP-7731", "GP-7790");
        // the out-of-hours entry was not known to the GP on 10 March
        String gpEarly = chronology(Map.of("childId", DemoCase.CHILD, "knownBy", "gp", "knownAt", "2019-03-10T00:00:00Z"));
        assertThat((List<String>) JsonPath.read(gpEarly, "$.data.chronology.edges[*].node.sourceRef")).containsExactly("GP-7731");

        // every entry about the mother's partner, across agencies
        String partner = platform.queries.postOk("query($childId: ID!, $personId: ID) { chronology(childId: $childId, personId: $personId) { edges { node { sourceRef } } } }",
                object("childId", DemoCase.CHILD, "personId", DemoCase.PARTNER));
        assertThat((List<String>) JsonPath.read(partner, "$.data.chronology.edges[*].node.sourceRef"))
                .containsExactly("POL-PNC-0413", "HV-0002", "POL-19-4412", "ED-88341");

        // the day the baby was injured: who was involved, and which of them had never heard of Male Adult 1
        String state = platform.queries.postOk("""
                query($childId: ID!) { caseState(childId: $childId, at: "2019-05-20T12:00:00Z", verify: true) {
                  entryCount onChildProtectionPlan lastSeen
                  involvedAgencies { agency { id } since professionals }
                  household { personId role knownTo { agency { id } since how } }
                  unseenBy { personId knownTo { id } unknownTo { id } }
                  verification { agrees differences } } }""", object("childId", DemoCase.CHILD));
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.involvedAgencies[*].agency.id"))
                .containsExactly("health-visiting", "gp", "csc");
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.involvedAgencies[2].professionals"))
                .containsExactly("Social Worker 3", "Team Manager 1");
        assertThat((String) JsonPath.read(state, "$.data.caseState.lastSeen")).isEqualTo("2019-04-30T10:00:00Z");
        assertThat((Boolean) JsonPath.read(state, "$.data.caseState.onChildProtectionPlan")).isFalse();
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.household[*].personId"))
                .containsExactly(DemoCase.PARTNER, DemoCase.MOTHER);
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.unseenBy[*].personId")).containsExactly(DemoCase.PARTNER);
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.unseenBy[0].unknownTo[*].id")).containsExactly("csc", "gp");
        assertThat((List<String>) JsonPath.read(state, "$.data.caseState.unseenBy[0].knownTo[*].id")).contains("health-visiting");
        assertThat((Boolean) JsonPath.read(state, "$.data.caseState.verification.agrees")).as(state).isTrue();

        // what the reviews keep finding: by 20 May 2019, then every pattern by 30 June 2019
        String patterns = """
                query($childId: ID!, $at: DateTime!) { practicePatterns(childId: $childId, at: $at, verify: true) {
                  kind since entries { id } actionIndex missing description } }""";
        String byMay = platform.queries.post(patterns, object("childId", DemoCase.CHILD, "at", "2019-05-20T12:00:00Z"));
        assertThat((List<String>) JsonPath.read(byMay, "$.data.practicePatterns[*].kind")).as(byMay).containsExactly(
                "UNSEEN_MAN", "DECISION_WITHOUT_KNOWN_INFORMATION", "DOMESTIC_ABUSE_BABY_NO_ENQUIRY",
                "VERBAL_SHARE_NOT_IN_WRITING", "ESCALATION_UNANSWERED", "INCONSISTENT_THRESHOLD",
                "DECISION_WITHOUT_KNOWN_INFORMATION", "PLAN_ACTION_INCOMPLETE", "DECISION_WITHOUT_KNOWN_INFORMATION");
        assertThat((List<String>) JsonPath.read(byMay, "$.data.practicePatterns[2].entries[*].id"))
                .containsExactly(ids.get("police-da"));
        assertThat((Boolean) JsonPath.read(byMay, "$.extensions.practicePatternsVerification.agrees")).as(byMay).isTrue();
        // one microsecond before the escalation's deadline (five working days, the May bank holiday between)
        String beforeDeadline = platform.queries.postOk(patterns, object("childId", DemoCase.CHILD,
                "at", "2019-05-10T22:59:59.999999Z"));
        assertThat((List<String>) JsonPath.read(beforeDeadline, "$.data.practicePatterns[*].kind"))
                .doesNotContain("ESCALATION_UNANSWERED", "INCONSISTENT_THRESHOLD").hasSize(4);
        assertThat((String) JsonPath.read(byMay, "$.data.practicePatterns[0].description")).isEqualTo("A parent's "
                + "partner, person-male-adult-1, was known to Health Visiting Service, Hospital Emergency Department and "
                + "Police from 21/01/2019 but not to Children's Social Care and GP Practice, involved with Child A.");
        assertThat((String) JsonPath.read(byMay, "$.data.practicePatterns[5].description")).isEqualTo("The referral "
                + "of 20/05/2019 by Children's Social Care was decided as a strategy discussion; the earlier referral of "
                + "15/04/2019 by Children's Social Care, with a concern in common, as no further action.");
        // the README's walk back before each deadline
        Map<String, Integer> heldAt = Map.of("2019-05-20T08:59:59Z", 5, "2019-04-21T13:59:59Z", 3,
                "2019-04-20T00:39:59Z", 2, "2019-04-15T11:04:59Z", 1);
        heldAt.forEach((at, held) -> assertThat((List<String>) JsonPath.read(platform.queries.postOk(patterns,
                object("childId", DemoCase.CHILD, "at", at)), "$.data.practicePatterns[*].kind")).as(at).hasSize(held));
        String byJune = platform.queries.post(patterns, object("childId", DemoCase.CHILD, "at", "2019-06-30T12:00:00Z"));
        assertThat(new java.util.TreeSet<>((List<String>) JsonPath.read(byJune, "$.data.practicePatterns[*].kind")))
                .as(byJune).hasSize(9);
        assertThat((Boolean) JsonPath.read(byJune, "$.extensions.practicePatternsVerification.agrees")).as(byJune).isTrue();

        String involvement = platform.queries.postOk("query($childId: ID!) { involvement(childId: $childId) { agency { id } entryCount episodes { from to } } }",
                object("childId", DemoCase.CHILD));
        assertThat((List<String>) JsonPath.read(involvement, "$.data.involvement[*].agency.id"))
                .containsExactly("csc", "gp", "health-visiting", "hospital", "police");
        assertThat((List<String>) JsonPath.read(involvement, "$.data.involvement[2].episodes[*].from"))
                .containsExactly("2019-01-21T10:00:00Z");
    }

    @Test
    void createsTheDemoUsersAndTheirRapidReviewOnce(@TempDir Path dir) throws Exception {
        Map<String, String> ids = new DemoCase(platform.commands).load();
        Path file = dir.resolve("demo-users");
        DemoUsers users = DemoUsers.ensure(platform.commands, file);
        assertThat(users.created()).extracting(DemoUsers.DemoUser::username).containsExactly("demo-chair",
                "demo-reviewer", "demo-csc", "demo-police", "demo-gp", "demo-health-visiting", "demo-hospital");
        assertThat(users.unknownPassword()).isEmpty();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String kept = Files.readString(file);
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            Credentials credentials = users.credentials(user.username());
            assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(kept).contains(user.username() + " " + credentials.password() + " " + user.role());
            String me = platform.queries.as(credentials).postOk("{ me { username role agency { id } } }", object());
            assertThat((String) JsonPath.read(me, "$.data.me.role")).isEqualTo(user.role());
            assertThat((Object) JsonPath.read(me, "$.data.me.agency"))
                    .isEqualTo(user.agencyId() == null ? null : Map.of("id", user.agencyId()));
        }

        String review = new DemoReview(platform.commands, users, ids).load().response();
        assertThat((String) JsonPath.read(review, "$.data.recordRecommendation.id")).isEqualTo(DemoReview.ID);
        assertThat((String) JsonPath.read(review, "$.data.recordRecommendation.dueBy")).isEqualTo("2019-06-17");
        assertThat((List<String>) JsonPath.read(review, "$.data.recordRecommendation.members[*].username"))
                .containsExactly("demo-chair", "demo-reviewer");
        assertThat((List<String>) JsonPath.read(review, "$.data.recordRecommendation.keyPracticeEpisodes[*].id"))
                .containsExactly("kpe-domestic-abuse-no-enquiry", "kpe-out-of-hours-report");
        assertThat((List<String>) JsonPath.read(review, "$.data.recordRecommendation.findings[*].id"))
                .containsExactly("finding-police-information-not-shared");
        assertThat((List<String>) JsonPath.read(review, "$.data.recordRecommendation.recommendations[*].ownerAgency.name"))
                .containsExactly("Police");
        String full = platform.commands.postOk("""
                mutation($input: AddReviewMemberInput!) { addReviewMember(input: $input) {
                  keyPracticeEpisodes { entries { id } } findings { evidence { id summary } } } }""",
                object("input", object("reviewId", DemoReview.ID, "username", DemoUsers.REVIEWER)));
        assertThat((List<String>) JsonPath.read(full, "$.data.addReviewMember.keyPracticeEpisodes[*].entries[*].id"))
                .containsExactly(ids.get("police-da"), ids.get("police-history"), ids.get("csc-contact"), ids.get("gp-ooh"));
        assertThat((List<String>) JsonPath.read(full, "$.data.addReviewMember.findings[0].evidence[*].id"))
                .containsExactly(ids.get("police-da"), ids.get("police-history"), ids.get("hv-visit"));

        // again: nobody created, no password changed or printed, the review as it was
        DemoUsers again = DemoUsers.ensure(platform.commands, file);
        assertThat(again.created()).isEmpty();
        assertThat(again.unknownPassword()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(kept);
        assertThat(new DemoReview(platform.commands, again, ids).load().response()).isEqualTo(review);
        // with the file lost, the users keep their passwords and the admin acts for them
        Path lost = dir.resolve("lost");
        DemoUsers unknown = DemoUsers.ensure(platform.commands, lost);
        assertThat(unknown.created()).isEmpty();
        assertThat(unknown.unknownPassword()).isEqualTo(DemoUsers.ALL);
        assertThat(Files.readString(lost)).doesNotContain("demo-");
        assertThat(new DemoReview(platform.commands, unknown, ids).load().response()).isEqualTo(review);

        // the GP's user sees the GP's view: its own entries and what was shared with it; the police's is not its to see
        GraphQlClient gp = platform.queries.as(users.credentials("demo-gp"));
        String gpView = gp.postOk(CHRONOLOGY, object("childId", DemoCase.CHILD));
        assertThat((List<String>) JsonPath.read(gpView, "$.data.chronology.edges[*].node.sourceRef"))
                .containsExactly("HV-0002", "GP-7731", "GP-7790", "HV-0003");
        assertClassification(gp.post(CHRONOLOGY, object("childId", DemoCase.CHILD, "knownBy", "police")), "FORBIDDEN");
    }

    private void registerAgency(String id, String name, String sector) {
        platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id name sector } }",
                object("input", object("id", id, "name", name, "sector", sector)));
    }

    private String record(String child, String agency, String sourceRef, String occurredAt, String knownAt, String summary) {
        return platform.commands.post(RECORD, object("input", object("childId", child, "agencyId", agency, "sourceRef", sourceRef,
                "kind", "DOMESTIC_ABUSE_INCIDENT", "occurredAt", occurredAt, "knownAt", knownAt, "summary", summary,
                "significance", "SIGNIFICANT", "professional", "Police Officer 2")));
    }

    private String chronology(Map<String, ?> variables) {
        return platform.queries.post(CHRONOLOGY, variables);
    }

    private String awaitChronology(Map<String, ?> variables, Predicate<String> visible) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        String response = chronology(variables);
        while (!visible.test(response) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            response = chronology(variables);
        }
        assertThat(visible.test(response)).as("visible to queries within 10 s: " + response).isTrue();
        return response;
    }

    private static void assertClassification(String response, String classification) {
        assertThat((List<String>) JsonPath.read(response, "$.errors[*].extensions.classification"))
                .as(response).containsExactly(classification);
    }
}
