package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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

    private static final String FILES_CHILD = "e2e-files-child-b";
    private static final String FILES_HV = "e2e-files-hv";
    private static final String FILES_GP = "e2e-files-gp";
    private static final Path SAMPLES = Path.of("..", "docs", "samples");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The contract's export columns, in its order. */
    private static final List<String> EXPORT_HEADERS = List.of("Entry id", "Occurred", "Child's age", "Agency",
            "Source ref", "Kind", "Summary", "Significance", "Professional", "Known to", "Since previous", "Version");
    /** The export columns compared with GraphQL, and the field of a chronology row each is read from. */
    private static final Map<String, String> COMPARED = Map.of("Entry id", "id", "Occurred", "occurredAtText",
            "Agency", "agency", "Kind", "kind", "Summary", "summary", "Source ref", "sourceRef", "Version", "version");
    private static final String FILES_CHRONOLOGY = """
            query($childId: ID!, $knownBy: ID) { chronology(childId: $childId, knownBy: $knownBy, first: 500) {
              totalCount edges { node { id sourceRef kind summary version occurredAt occurredAtText agency { name }
                links { id kind entryIds note recordedAt } } } } }""";
    private static final String POSSIBLE_DUPLICATES = """
            query($childId: ID!) { possibleDuplicates(childId: $childId) { similarity entries { id sourceRef } } }""";
    private static final String LINK = """
            mutation($input: LinkEntriesInput!) { linkEntries(input: $input) { id kind entryIds note recordedAt } }""";
    private final HttpClient files = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    @Test
    void servesTheImportTemplateWithTheHeaderRowAndDropDownsForKindAndSignificance() throws Exception {
        Reply template = send(commandUrl("/imports/chronology/template.xlsx"), null, null);
        assertThat(template.status()).as(template.text()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("Source ref", "Occurred", "Known", "Kind", "Summary", "Significance",
                    "Professional", "Concerns");
            assertThat(dropDown(workbook, sheet, headers.indexOf("Kind")))
                    .containsExactlyInAnyOrderElementsOf(enumValues("EntryKind"));
            assertThat(dropDown(workbook, sheet, headers.indexOf("Significance")))
                    .containsExactlyInAnyOrderElementsOf(enumValues("Significance"));
        }
    }

    @Test
    void importsTheSampleOnceRefusesABadFileWholeLinksTheSameOccurrenceAndExportsTheMergedChronology()
            throws Exception {
        registerAgency(FILES_HV, "Health Visiting Service", "HEALTH");
        registerAgency(FILES_GP, "Riverside GP Practice", "HEALTH");
        platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", FILES_CHILD, "displayName", "Child B", "dateOfBirth", "2018-01-12")));

        // the sample, as CSV, then the same rows as XLSX: stored once
        byte[] sample = Files.readAllBytes(SAMPLES.resolve("health-visiting-chronology.csv"));
        Reply first = send(importUrl(FILES_HV), "text/csv", sample);
        assertImported(first, 200, 12, 0);
        assertThat((List<?>) JsonPath.read(first.text(), "$.errors")).isEmpty();
        assertImported(send(importUrl(FILES_HV), XLSX,
                Files.readAllBytes(SAMPLES.resolve("health-visiting-chronology.xlsx"))), 200, 0, 12);

        List<CSVRecord> sampleRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(sample, StandardCharsets.UTF_8))).getRecords();
        List<Map<String, Object>> imported = awaitEntries(Map.of("childId", FILES_CHILD), entries -> entries.size() == 12);
        for (CSVRecord row : sampleRows) {
            Map<String, Object> entry = bySourceRef(imported, row.get("Source ref"));
            assertThat(Instant.parse((String) entry.get("occurredAt"))).as(row.toString()).isEqualTo(occurred(row.get("Occurred")));
            assertThat(entry.get("kind")).as(row.toString())
                    .isEqualTo(row.get("Kind").toUpperCase(Locale.ROOT).replaceAll("[ -]", "_")); // the sample's "Multi-agency meeting"
            assertThat(entry.get("summary")).isEqualTo(row.get("Summary"));
        }

        // one impossible date and one unknown kind among good rows: nothing stored, every bad row named
        String bad = """
                Source ref,Occurred,Kind,Summary
                HV-2020-001,06/01/2020 10:00,Home visit,Child B seen at home
                HV-2020-002,31/02/2019,Contact,Telephone call with Mother
                HV-2020-003,07/01/2020,Visit,Mother and Child B seen
                HV-2020-004,08/01/2020,CHILD_SEEN,Child B seen at clinic
                """.replace("\n", "\r\n");
        Reply refused = send(importUrl(FILES_HV), "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertImported(refused, 422, 0, 0);
        List<Map<String, Object>> errors = JsonPath.read(refused.text(), "$.errors");
        assertThat(errors).extracting(error -> error.get("row") + " " + error.get("column"))
                .containsExactlyInAnyOrder("3 Occurred", "4 Kind");
        assertThat(errors).allSatisfy(error -> assertThat((String) error.get("message")).isNotBlank());
        assertThat(entries(Map.of("childId", FILES_CHILD))).hasSize(12);

        // the GP's account of the bruise, three hours later in similar words
        Map<String, Object> bruise = bySourceRef(imported, "HV-2019-001");
        String bruiseId = (String) bruise.get("id");
        String gpSummary = "Bruise on Child B's cheek seen at the GP surgery; Mother said Child B fell against the cot";
        double similarity = jaccard(words((String) bruise.get("summary")), words(gpSummary));
        assertThat(similarity).as("the test's own pair").isGreaterThanOrEqualTo(0.5).isLessThan(1.0);
        String gpAt = Instant.parse((String) bruise.get("occurredAt")).plus(Duration.ofHours(3)).toString();
        String gpEntryId = JsonPath.read(platform.commands.postOk(RECORD, object("input", object("childId", FILES_CHILD,
                "agencyId", FILES_GP, "sourceRef", "GP-2019-0110", "kind", bruise.get("kind"), "occurredAt", gpAt,
                "knownAt", gpAt, "summary", gpSummary, "significance", "SIGNIFICANT", "professional", "GP 1"))),
                "$.data.recordEntry.entryId");
        List<Map<String, Object>> merged = awaitEntries(Map.of("childId", FILES_CHILD),
                entries -> entries.stream().anyMatch(entry -> gpEntryId.equals(entry.get("id"))));
        assertThat(merged).as("the refused file's good rows were not stored either")
                .extracting(entry -> entry.get("sourceRef")).hasSize(13).noneMatch(ref -> ((String) ref).startsWith("HV-2020-"));
        platform.commands.postOk(SHARE, object("input", object("childId", FILES_CHILD, "fromAgencyId", FILES_HV,
                "toAgencyId", FILES_GP, "entryIds", List.of(bruiseId), "sharedAt", "2019-01-11T10:00:00Z",
                "channel", "WRITTEN", "sourceRef", "HV-LETTER-2019-001")));

        String candidates = platform.queries.postOk(POSSIBLE_DUPLICATES, object("childId", FILES_CHILD));
        assertThat((List<Object>) JsonPath.read(candidates, "$.data.possibleDuplicates")).as(candidates).hasSize(1);
        assertThat((List<String>) JsonPath.read(candidates, "$.data.possibleDuplicates[0].entries[*].id"))
                .containsExactly(bruiseId, gpEntryId);
        assertThat(((Number) JsonPath.read(candidates, "$.data.possibleDuplicates[0].similarity")).doubleValue())
                .isCloseTo(similarity, within(1e-9));

        // a review links them: no longer a possible duplicate, and both entries show the link
        GraphQlClient.Json.Raw link = linkInput(List.of(bruiseId, gpEntryId));
        Map<String, Object> linked = JsonPath.read(platform.commands.postOk(LINK, link), "$.data.linkEntries");
        assertThat(linked).containsEntry("id", "e2e-files-link-1").containsEntry("kind", "SAME_OCCURRENCE")
                .containsEntry("entryIds", List.of(bruiseId, gpEntryId));
        assertThat(Instant.parse((String) linked.get("recordedAt"))).isNotNull();
        awaitQuery(POSSIBLE_DUPLICATES, Map.of("childId", FILES_CHILD),
                answer -> ((List<?>) JsonPath.read(answer, "$.data.possibleDuplicates")).isEmpty());
        List<Map<String, Object>> withLink = awaitEntries(Map.of("childId", FILES_CHILD),
                entries -> !((List<?>) bySourceRef(entries, "GP-2019-0110").get("links")).isEmpty());
        assertThat(bySourceRef(withLink, "HV-2019-001").get("links")).isEqualTo(List.of(linked));
        assertThat(bySourceRef(withLink, "GP-2019-0110").get("links")).isEqualTo(List.of(linked));
        assertThat(withLink).filteredOn(entry -> !List.of(bruiseId, gpEntryId).contains(entry.get("id")))
                .allSatisfy(entry -> assertThat((List<?>) entry.get("links")).isEmpty());

        assertThat((Map<String, Object>) JsonPath.read(platform.commands.postOk(LINK,
                linkInput(List.of(gpEntryId, bruiseId))), "$.data.linkEntries")).as("the same link again").isEqualTo(linked);
        String referralId = (String) bySourceRef(imported, "HV-2019-002").get("id");
        assertClassification(platform.commands.post(LINK, linkInput(List.of(referralId, gpEntryId))), "CONFLICT");

        // the merged chronology out, in every format, as GraphQL reads it
        awaitEntries(Map.of("childId", FILES_CHILD, "knownBy", FILES_GP), entries -> entries.size() == 2);
        List<Map<String, Object>> all = entries(Map.of("childId", FILES_CHILD));
        assertThat(bySourceRef(all, "GP-2019-0110").get("links")).as("one link, whatever was asked again").isEqualTo(List.of(linked));
        List<Map<String, String>> expected = all.stream().map(EndToEndTest::exportedColumns).toList();

        List<List<String>> csv = csv(export("csv"));
        assertThat(csv.get(0)).isEqualTo(EXPORT_HEADERS);
        assertThat(compared(csv)).isEqualTo(expected);
        List<List<String>> xlsx = xlsx(export("xlsx"));
        assertThat(xlsx.get(0)).isEqualTo(EXPORT_HEADERS);
        assertThat(compared(xlsx)).isEqualTo(expected);

        List<String> panel = List.of("Occurred", "Agency", "Kind", "Summary");
        List<List<String>> docx = docxEntries(export("docx"), panel);
        assertThat(docx).isEqualTo(expected.stream().map(row -> panel.stream().map(row::get).toList()).toList());

        String drawn = pdfText(export("pdf")).replaceAll("\\s+", "");
        int at = 0;
        for (Map<String, String> row : expected) {
            String summary = row.get("Summary").replaceAll("\\s+", "");
            int found = drawn.indexOf(summary, at);
            assertThat(found).as("%s after offset %d of the PDF's text", row.get("Summary"), at).isGreaterThanOrEqualTo(at);
            at = found + summary.length();
        }

        // what the GP knew: its own entry and the bruise the health visitor wrote to it about
        List<Map<String, Object>> gpView = entries(Map.of("childId", FILES_CHILD, "knownBy", FILES_GP));
        assertThat(gpView).extracting(entry -> entry.get("id")).containsExactly(bruiseId, gpEntryId);
        List<List<String>> gpCsv = csv(export("csv&knownBy=" + FILES_GP));
        assertThat(gpCsv.get(0)).isEqualTo(EXPORT_HEADERS);
        assertThat(compared(gpCsv)).isEqualTo(gpView.stream().map(EndToEndTest::exportedColumns).toList());
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

    /** An HTTP answer, whatever its status. */
    private record Reply(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A GET without a body, else a POST of it with its content type; as the admin. */
    private Reply send(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", platform.admin.authorization());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response = files.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    private String commandUrl(String path) {
        return "http://127.0.0.1:" + platform.commandPort + path;
    }

    private String importUrl(String agencyId) {
        return commandUrl("/imports/chronology?childId=" + FILES_CHILD + "&agencyId=" + agencyId);
    }

    /** The export of the files' child in this format (and view, as further parameters): HTTP 200. */
    private byte[] export(String formatAndView) throws IOException, InterruptedException {
        Reply reply = send("http://127.0.0.1:" + platform.queryPort + "/exports/chronology?childId=" + FILES_CHILD
                + "&format=" + formatAndView, null, null);
        assertThat(reply.status()).as(formatAndView + ": " + reply.text()).isEqualTo(200);
        return reply.body();
    }

    private static void assertImported(Reply reply, int status, int imported, int duplicates) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat((Integer) JsonPath.read(reply.text(), "$.imported")).as(reply.text()).isEqualTo(imported);
        assertThat((Integer) JsonPath.read(reply.text(), "$.duplicates")).as(reply.text()).isEqualTo(duplicates);
        assertThat(((Number) JsonPath.read(reply.text(), "$.tookMillis")).longValue()).isNotNegative();
    }

    /** The contract's reading of an Occurred cell of the sample's forms. */
    private static Instant occurred(String cell) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/uuuu");
        if (cell.startsWith("?/?/")) {
            return LocalDate.of(Integer.parseInt(cell.substring(4)), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (cell.startsWith("?/")) {
            return LocalDate.parse("01/" + cell.substring(2), day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (cell.contains("T")) {
            return OffsetDateTime.parse(cell).toInstant();
        } else if (cell.length() == 10) {
            return LocalDate.parse(cell, day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return LocalDateTime.parse(cell, DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm"))
                .atZone(ZoneId.of("Europe/London")).toInstant();
    }

    /** The contract's words of a summary: maximal runs of letters or digits, lower-cased, of 3 characters or more. */
    private static Set<String> words(String summary) {
        Set<String> words = new HashSet<>();
        Matcher run = Pattern.compile("[\\p{L}\\p{Nd}]+").matcher(summary);
        while (run.find()) {
            String word = run.group().toLowerCase(Locale.ROOT);
            if (word.codePointCount(0, word.length()) >= 3) {
                words.add(word);
            }
        }
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return either.isEmpty() ? 0 : (double) common.size() / either.size();
    }

    private static GraphQlClient.Json.Raw linkInput(List<String> entryIds) {
        return object("input", object("childId", FILES_CHILD, "id", "e2e-files-link-1", "kind", "SAME_OCCURRENCE",
                "entryIds", entryIds, "note", "One bruise, seen by the health visitor and by the GP"));
    }

    /** The names of a GraphQL enum, as the command service serves it. */
    private List<String> enumValues(String type) {
        return JsonPath.read(platform.commands.postOk("query($name: String!) { __type(name: $name) { enumValues { name } } }",
                object("name", type)), "$.data.__type.enumValues[*].name");
    }

    /** The values of the list validation on a data cell of the column: written out, or a named range's cells. */
    private static List<String> dropDown(XSSFWorkbook workbook, XSSFSheet sheet, int column) {
        DataValidationConstraint constraint = sheet.getDataValidations().stream()
                .filter(validation -> java.util.Arrays.stream(validation.getRegions().getCellRangeAddresses())
                        .anyMatch(region -> region.isInRange(1, column)))
                .map(DataValidation::getValidationConstraint)
                .filter(list -> list.getValidationType() == DataValidationConstraint.ValidationType.LIST)
                .findFirst().orElseThrow(() -> new AssertionError("no drop-down on column " + column));
        if (constraint.getExplicitListValues() != null) {
            return List.of(constraint.getExplicitListValues());
        }
        String formula = constraint.getFormula1();
        Name name = workbook.getName(formula);
        AreaReference area = new AreaReference(name == null ? formula : name.getRefersToFormula(),
                SpreadsheetVersion.EXCEL2007);
        List<String> values = new ArrayList<>();
        for (CellReference reference : area.getAllReferencedCells()) {
            Row row = workbook.getSheet(reference.getSheetName()).getRow(reference.getRow());
            values.add(row.getCell(reference.getCol()).getStringCellValue());
        }
        return values;
    }

    private List<Map<String, Object>> entries(Map<String, ?> variables) {
        String answer = platform.queries.postOk(FILES_CHRONOLOGY, variables);
        List<Map<String, Object>> entries = JsonPath.read(answer, "$.data.chronology.edges[*].node");
        assertThat((Integer) JsonPath.read(answer, "$.data.chronology.totalCount")).isEqualTo(entries.size());
        return entries;
    }

    private List<Map<String, Object>> awaitEntries(Map<String, ?> variables, Predicate<List<Map<String, Object>>> visible)
            throws InterruptedException {
        String path = "$.data.chronology.edges[*].node";
        return JsonPath.read(awaitQuery(FILES_CHRONOLOGY, variables, answer -> visible.test(JsonPath.read(answer, path))),
                path);
    }

    private String awaitQuery(String document, Map<String, ?> variables, Predicate<String> visible)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        String answer = platform.queries.postOk(document, variables);
        while (!visible.test(answer) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            answer = platform.queries.postOk(document, variables);
        }
        assertThat(visible.test(answer)).as("visible to queries within 10 s: " + answer).isTrue();
        return answer;
    }

    private static Map<String, Object> bySourceRef(List<Map<String, Object>> entries, String sourceRef) {
        return entries.stream().filter(entry -> sourceRef.equals(entry.get("sourceRef"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + sourceRef + " in " + entries));
    }

    /** A chronology entry as the export's compared columns should show it. */
    private static Map<String, String> exportedColumns(Map<String, Object> entry) {
        Map<String, String> columns = new LinkedHashMap<>();
        COMPARED.forEach((column, field) -> columns.put(column, field.equals("agency")
                ? (String) ((Map<?, ?>) entry.get("agency")).get("name") : String.valueOf(entry.get(field))));
        return columns;
    }

    /** The data rows of an exported sheet, its compared columns by header. */
    private static List<Map<String, String>> compared(List<List<String>> sheet) {
        return sheet.subList(1, sheet.size()).stream().map(row -> {
            Map<String, String> columns = new LinkedHashMap<>();
            COMPARED.keySet().forEach(column -> columns.put(column, row.get(EXPORT_HEADERS.indexOf(column))));
            return columns;
        }).toList();
    }

    private static List<List<String>> csv(byte[] body) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords()
                .stream().map(CSVRecord::toList).toList();
    }

    /** The first sheet's rows as a reader sees the cells, as many cells a row as the header row has. */
    private static List<List<String>> xlsx(byte[] body) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            int width = sheet.getRow(0).getLastCellNum();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** The rows after the header of the document's table with these columns, those columns' text. */
    private static List<List<String>> docxEntries(byte[] body, List<String> columns) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body))) {
            for (XWPFTable table : document.getTables()) {
                List<String> header = table.getRow(0).getTableCells().stream().map(cell -> cell.getText().strip()).toList();
                if (header.containsAll(columns)) {
                    return table.getRows().subList(1, table.getNumberOfRows()).stream()
                            .map(row -> columns.stream().map(column -> row.getCell(header.indexOf(column)).getText()).toList())
                            .toList();
                }
            }
            throw new AssertionError("no table with the columns " + columns);
        }
    }

    private static String pdfText(byte[] body) throws IOException {
        try (PDDocument document = Loader.loadPDF(body)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
