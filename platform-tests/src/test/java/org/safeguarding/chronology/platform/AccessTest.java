package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every role against every operation of the contract, over HTTP against the services started from their jars: what
 * each may do answers, what it may not is FORBIDDEN (and stores nothing, and is audited), and nothing answers
 * without credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    enum Side { COMMANDS, QUERIES }

    enum Who { ADMIN, POLICE, SCHOOL, REVIEWER, OTHER_REVIEWER, CHAIR, OTHER_CHAIR, NOBODY, WRONG_PASSWORD }

    /** What the operation answers: data, a FORBIDDEN error, null data without error, or HTTP 401. */
    enum Expect { OK, FORBIDDEN, NULL, UNAUTHENTICATED }

    record Case(String operation, Side side, String document, Object variables, Who who, Expect expect,
                Consumer<String> check) {

        Case(String operation, Side side, String document, Object variables, Who who, Expect expect) {
            this(operation, side, document, variables, who, expect, body -> { });
        }

        @Override
        public String toString() {
            return who + " " + operation + ": " + expect;
        }
    }

    private static final String PASSWORD = "a-long-test-password";
    private static final String CHILD_A = "access-child-a";
    private static final String CHILD_B = "access-child-b";
    private static final String REVIEW = "access-review-1";

    private Platform platform;
    private String policeEntry;
    private String hospitalEntry;
    private String childBEntry;

    @BeforeAll
    void setUp() throws Exception {
        platform = Platform.onMemoryStore(Path.of("target", "access-logs"));
        GraphQlClient admin = platform.commands;
        for (String[] agency : new String[][]{{"acc-police", "Police", "POLICE"}, {"acc-school", "Primary School",
                "EDUCATION"}, {"acc-hospital", "Hospital", "HEALTH"}}) {
            admin.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", agency[0], "name", agency[1], "sector", agency[2])));
        }
        for (String child : List.of(CHILD_A, CHILD_B)) {
            admin.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                    object("input", object("id", child, "displayName", "Child A", "dateOfBirth", "2019-01-10")));
        }
        policeEntry = entry(admin, CHILD_A, "acc-police", "POL-1");
        hospitalEntry = entry(admin, CHILD_A, "acc-hospital", "HOS-1");
        childBEntry = entry(admin, CHILD_B, "acc-hospital", "HOS-2");
        user("acc-police-user", "AGENCY", "acc-police");
        user("acc-school-user", "AGENCY", "acc-school");
        user("acc-reviewer", "REVIEWER", null);
        user("acc-reviewer-2", "REVIEWER", null);
        user("acc-chair", "CHAIR", null);
        user("acc-chair-2", "CHAIR", null);
        admin.postOk(COMMISSION, object("input", object("id", REVIEW, "type", "RAPID_REVIEW", "childIds",
                List.of(CHILD_A), "scopeFrom", "2019-01-10", "scopeTo", "2019-06-30", "chair", "acc-chair",
                "commissionedAt", "2019-07-01T09:00:00Z")));
        as(Who.CHAIR, Side.COMMANDS).postOk(ADD_MEMBER, object("input", object("reviewId", REVIEW,
                "username", "acc-reviewer")));
        as(Who.CHAIR, Side.COMMANDS).postOk(FINDING, object("input", object("reviewId", REVIEW, "id", "F0",
                "text", "The call-out was not shared.", "evidenceEntryIds", List.of(policeEntry))));
        as(Who.CHAIR, Side.COMMANDS).postOk(RECOMMENDATION, recommendation("R0"));
        awaitVisible();
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryOperation() {
        return Stream.concat(cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c))),
                Stream.of(DynamicTest.dynamicTest("a refused command stored nothing", this::refusedCommandsStoredNothing)));
    }

    /** After every case: the entries of the refused recordEntry cases are not in the record, those allowed are. */
    private void refusedCommandsStoredNothing() throws InterruptedException {
        String query = "query($c: ID!) { chronology(childId: $c, first: 500) { edges { node { sourceRef } } } }";
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> sourceRefs;
        do {
            Thread.sleep(200);
            sourceRefs = JsonPath.read(platform.queries.postOk(query, object("c", CHILD_A)), "$.data.chronology.edges[*].node.sourceRef");
        } while (!sourceRefs.contains("POL-B-" + Who.POLICE) && System.nanoTime() < deadline);
        assertThat(sourceRefs).contains("POL-" + Who.ADMIN, "POL-" + Who.POLICE, "POL-B-" + Who.POLICE, "HOS-B-" + Who.ADMIN)
                .doesNotContain("HOS-B-" + Who.POLICE);
        for (Who refused : List.of(Who.SCHOOL, Who.REVIEWER, Who.OTHER_REVIEWER, Who.CHAIR, Who.OTHER_CHAIR)) {
            assertThat(sourceRefs).doesNotContain("POL-" + refused, "POL-B-" + refused, "HOS-B-" + refused);
        }
        String review = platform.queries.postOk("query($id: ID!) { review(id: $id) { keyPracticeEpisodes { id }"
                + " findings { id } recommendations { id } } }", object("id", REVIEW));
        assertThat(review).contains("\"E-" + Who.REVIEWER + "\"", "\"F-" + Who.CHAIR + "\"")
                .doesNotContain("E-" + Who.OTHER_REVIEWER).doesNotContain("F-" + Who.REVIEWER)
                .doesNotContain("R-" + Who.POLICE).doesNotContain("E-" + Who.POLICE);
    }

    @Test
    void aUserCreatedOnTheCommandsSideLogsInOnBothWithinTwoSeconds() throws Exception {
        user("acc-new-user", "REVIEWER", null);
        long deadline = System.nanoTime() + 2_000_000_000L;
        GraphQlClient.Answer answer;
        do {
            answer = platform.queries.as(new Credentials("acc-new-user", PASSWORD)).answer("{ me { username } }", Map.of());
        } while (answer.status() == 401 && System.nanoTime() < deadline);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"acc-new-user\"");
    }

    @Test
    void everyReadIsAuditedWithItsArgumentsAndEveryRefusalAsDenied() {
        String chronology = "query($c: ID!) { chronology(childId: $c, first: 7) { totalCount } }";
        as(Who.POLICE, Side.QUERIES).postOk(chronology, object("c", CHILD_A));
        as(Who.SCHOOL, Side.QUERIES).post(chronology, object("c", CHILD_A));
        String trail = platform.queries.postOk("query($c: ID!) { auditTrail(childId: $c, first: 5) { totalCount"
                + " edges { node { at username operation childId arguments } } } }", object("c", CHILD_A));
        List<Map<String, Object>> records = JsonPath.read(trail, "$.data.auditTrail.edges[*].node");
        assertThat(records).anySatisfy(r -> {
            assertThat(r).containsEntry("username", "acc-police-user").containsEntry("operation", "chronology")
                    .containsEntry("childId", CHILD_A);
            assertThat((String) r.get("arguments")).contains("\"childId\":\"" + CHILD_A + "\"").contains("\"first\":7");
        });
        assertThat(records).anySatisfy(r -> assertThat(r).containsEntry("username", "acc-school-user")
                .containsEntry("operation", "denied:chronology").containsEntry("childId", CHILD_A));
        assertThat(records).as("newest first").extracting(r -> Instant.parse((String) r.get("at")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the read that is answering may or may not be on its own first page; the next read shows it
        String again = platform.queries.postOk("query($c: ID!) { auditTrail(childId: $c, first: 5) { edges { node {"
                + " username operation arguments } } } }", object("c", CHILD_A));
        List<Map<String, Object>> later = JsonPath.read(again, "$.data.auditTrail.edges[*].node");
        assertThat(later).anySatisfy(r -> assertThat(r).containsEntry("operation", "auditTrail")
                .containsEntry("username", "admin").containsEntry("arguments", "{\"childId\":\"" + CHILD_A + "\",\"first\":5}"));
    }

    @Test
    void anAuditTrailPagesNewestFirstWithoutGapsOrRepeats() {
        String child = "query($id: ID!) { child(id: $id) { id } }";
        for (int i = 0; i < 7; i++) {
            as(Who.REVIEWER, Side.QUERIES).postOk(child, object("id", CHILD_A));
        }
        String page = "query($c: ID!, $after: String) { auditTrail(childId: $c, first: 3, after: $after) { totalCount"
                + " pageInfo { hasNextPage endCursor } edges { cursor node { at operation } } } }";
        List<String> cursors = new ArrayList<>();
        String after = null;
        int total = -1;
        while (true) {
            String body = as(Who.CHAIR, Side.QUERIES).postOk(page, object("c", CHILD_A, "after", after));
            if (total < 0) {
                total = JsonPath.read(body, "$.data.auditTrail.totalCount");
            }
            cursors.addAll(JsonPath.read(body, "$.data.auditTrail.edges[*].cursor"));
            if (!(Boolean) JsonPath.read(body, "$.data.auditTrail.pageInfo.hasNextPage")) {
                break;
            }
            after = JsonPath.read(body, "$.data.auditTrail.pageInfo.endCursor");
        }
        assertThat(cursors).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(total);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Who[] everyone = {Who.ADMIN, Who.POLICE, Who.SCHOOL, Who.REVIEWER, Who.OTHER_REVIEWER, Who.CHAIR, Who.OTHER_CHAIR};
        // commands only ADMIN may give
        for (Who who : everyone) {
            Expect adminOnly = who == Who.ADMIN ? Expect.OK : Expect.FORBIDDEN;
            cases.add(new Case("registerAgency", Side.COMMANDS, "mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", "acc-police", "name", "Police", "sector", "POLICE")), who, adminOnly));
            cases.add(new Case("registerChild", Side.COMMANDS, "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                    object("input", object("id", CHILD_B, "displayName", "Child A", "dateOfBirth", "2019-01-10")), who, adminOnly));
            cases.add(new Case("createUser", Side.COMMANDS, "mutation($input: CreateUserInput!) { createUser(input: $input) { username } }",
                    object("input", object("username", "acc-reviewer", "password", PASSWORD, "role", "REVIEWER")), who, adminOnly));
            cases.add(new Case("commissionReview", Side.COMMANDS, COMMISSION, object("input", object("id", REVIEW, "type",
                    "RAPID_REVIEW", "childIds", List.of(CHILD_A), "scopeFrom", "2019-01-10", "scopeTo", "2019-06-30",
                    "chair", "acc-chair", "commissionedAt", "2019-07-01T09:00:00Z")), who, adminOnly));
            cases.add(new Case("users", Side.QUERIES, "{ users { username role } }", Map.of(), who, adminOnly));
            // anyone authenticated
            cases.add(new Case("me", Side.COMMANDS, "{ me { username role agency { id } } }", Map.of(), who, Expect.OK,
                    body -> assertThat(body).contains("\"username\":\"" + username(who) + "\"")));
            cases.add(new Case("me", Side.QUERIES, "{ me { username role agency { id } } }", Map.of(), who, Expect.OK,
                    body -> assertThat(body).contains("\"username\":\"" + username(who) + "\"")));
            cases.add(new Case("agency", Side.QUERIES, "{ agency(id: \"acc-hospital\") { name } }", Map.of(), who, Expect.OK));
        }
        // an agency's own commands
        for (Who who : everyone) {
            boolean police = who == Who.ADMIN || who == Who.POLICE;
            Expect asPolice = police ? Expect.OK : Expect.FORBIDDEN;
            cases.add(new Case("recordEntry", Side.COMMANDS, RECORD, object("input", entryInput(CHILD_A, "acc-police",
                    "POL-" + who)), who, asPolice));
            cases.add(new Case("correctEntry", Side.COMMANDS, "mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId } }",
                    object("input", object("entryId", policeEntry, "agencyId", "acc-police", "summary",
                            "Call-out to the home, corrected by " + who, "reason", "wording")), who, asPolice));
            cases.add(new Case("recordPersonKnown", Side.COMMANDS, "mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId } }",
                    object("input", object("childId", CHILD_A, "agencyId", "acc-police", "personId", "acc-male-1",
                            "role", "PARENTS_PARTNER", "sex", "MALE", "livesWithChild", true,
                            "knownAt", "2019-03-01T10:00:00Z", "sourceRef", "POL-P-" + who)), who, asPolice));
            cases.add(new Case("shareInformation", Side.COMMANDS, "mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId } }",
                    object("input", object("childId", CHILD_A, "fromAgencyId", "acc-police", "toAgencyId", "acc-school",
                            "entryIds", List.of(policeEntry), "sharedAt", "2019-03-02T10:00:00Z", "channel", "WRITTEN",
                            "sourceRef", "POL-S-" + who)), who, asPolice));
            cases.add(new Case("recordEntries", Side.COMMANDS, "mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index receipt { entryId } error { classification } } }",
                    object("input", List.of(entryInput(CHILD_A, "acc-police", "POL-B-" + who), entryInput(CHILD_A, "acc-hospital", "HOS-B-" + who))),
                    who, Expect.OK, body -> {
                        List<String> classifications = JsonPath.read(body, "$.data.recordEntries[*].error.classification");
                        assertThat(classifications).as("one per refused item").containsExactlyElementsOf(
                                who == Who.ADMIN ? List.of() : police ? List.of("FORBIDDEN") : List.of("FORBIDDEN", "FORBIDDEN"));
                    }));
        }
        // reads of a child's data
        String childQuery = "query($id: ID!) { child(id: $id) { id } }";
        String chronology = "query($c: ID!, $k: ID) { chronology(childId: $c, knownBy: $k) { totalCount edges { node { id } } } }";
        String entry = "query($id: ID!) { entry(id: $id) { id } }";
        String caseState = "query($c: ID!, $k: ID) { caseState(childId: $c, at: \"2030-01-01T00:00:00Z\", knownBy: $k) { entryCount } }";
        String involvement = "query($c: ID!) { involvement(childId: $c) { agency { id } } }";
        for (Who who : everyone) {
            boolean readsA = who == Who.ADMIN || who == Who.POLICE || who == Who.REVIEWER || who == Who.CHAIR;
            Expect a = readsA ? Expect.OK : Expect.FORBIDDEN;
            Expect b = who == Who.ADMIN ? Expect.OK : Expect.FORBIDDEN;
            cases.add(new Case("child", Side.QUERIES, childQuery, object("id", CHILD_A), who, a));
            cases.add(new Case("child", Side.QUERIES, childQuery, object("id", CHILD_B), who, b));
            cases.add(new Case("chronology", Side.QUERIES, chronology, object("c", CHILD_A), who, a,
                    body -> assertThat(body).contains(policeEntry)
                            .satisfies(text -> assertThat(text.contains(hospitalEntry)).as("the hospital's entry")
                                    .isEqualTo(who != Who.POLICE))));
            cases.add(new Case("chronology", Side.QUERIES, chronology, object("c", CHILD_B), who, b));
            cases.add(new Case("chronology knownBy another agency", Side.QUERIES, chronology,
                    object("c", CHILD_A, "k", "acc-hospital"), who, who == Who.POLICE ? Expect.FORBIDDEN : a));
            cases.add(new Case("chronology knownBy its own agency", Side.QUERIES, chronology,
                    object("c", CHILD_A, "k", "acc-police"), who, a));
            cases.add(new Case("entry of its agency", Side.QUERIES, entry, object("id", policeEntry), who, a));
            cases.add(new Case("entry its agency does not know", Side.QUERIES, entry, object("id", hospitalEntry), who,
                    who == Who.POLICE ? Expect.NULL : a));
            cases.add(new Case("entry", Side.QUERIES, entry, object("id", childBEntry), who, b));
            cases.add(new Case("caseState", Side.QUERIES, caseState, object("c", CHILD_A), who, a));
            cases.add(new Case("caseState knownBy another agency", Side.QUERIES, caseState,
                    object("c", CHILD_A, "k", "acc-hospital"), who, who == Who.POLICE ? Expect.FORBIDDEN : a));
            cases.add(new Case("caseState", Side.QUERIES, caseState, object("c", CHILD_B), who, b));
            cases.add(new Case("involvement", Side.QUERIES, involvement, object("c", CHILD_A), who, a,
                    body -> assertThat(body).as("every agency involved, for an agency too").contains("acc-hospital")));
            cases.add(new Case("involvement", Side.QUERIES, involvement, object("c", CHILD_B), who, b));
            cases.add(new Case("auditTrail", Side.QUERIES, "query($c: ID!) { auditTrail(childId: $c) { totalCount } }",
                    object("c", CHILD_A), who, who == Who.ADMIN || who == Who.CHAIR ? Expect.OK : Expect.FORBIDDEN));
        }
        // the review
        for (Who who : everyone) {
            boolean member = who == Who.ADMIN || who == Who.REVIEWER || who == Who.CHAIR;
            boolean chair = who == Who.ADMIN || who == Who.CHAIR;
            cases.add(new Case("review", Side.QUERIES, "query($id: ID!) { review(id: $id) { id children { id } chair { username }"
                    + " members { username } findings { id evidence { id } } recommendations { id status } } }",
                    object("id", REVIEW), who, member ? Expect.OK : Expect.FORBIDDEN));
            cases.add(new Case("reviews", Side.QUERIES, "{ reviews { id } }", Map.of(), who, Expect.OK,
                    body -> assertThat(body.contains(REVIEW)).as("lists the review").isEqualTo(member)));
            cases.add(new Case("addReviewMember", Side.COMMANDS, ADD_MEMBER, object("input", object("reviewId", REVIEW,
                    "username", "acc-reviewer")), who, chair ? Expect.OK : Expect.FORBIDDEN));
            cases.add(new Case("markKeyPracticeEpisode", Side.COMMANDS, "mutation($input: MarkKeyPracticeEpisodeInput!) { markKeyPracticeEpisode(input: $input) { id } }",
                    object("input", object("reviewId", REVIEW, "id", "E-" + who, "title", "The call-out",
                            "entryIds", List.of(policeEntry), "analysis", "No child protection enquiry followed.")),
                    who, member ? Expect.OK : Expect.FORBIDDEN));
            cases.add(new Case("recordFinding", Side.COMMANDS, FINDING, object("input", object("reviewId", REVIEW,
                    "id", "F-" + who, "text", "Not shared.", "evidenceEntryIds", List.of(policeEntry))), who,
                    chair ? Expect.OK : Expect.FORBIDDEN));
            cases.add(new Case("recordRecommendation", Side.COMMANDS, RECOMMENDATION, recommendation("R-" + who), who,
                    chair ? Expect.OK : Expect.FORBIDDEN));
            cases.add(new Case("completeAction", Side.COMMANDS, "mutation($input: CompleteActionInput!) { completeAction(input: $input) { id } }",
                    object("input", object("reviewId", REVIEW, "recommendationId", "R0", "completedAt",
                            "2019-09-01T10:00:00Z", "note", "Done by " + who)), who, chair ? Expect.OK : Expect.FORBIDDEN));
        }
        // no operation answers without valid credentials
        for (Who who : new Who[]{Who.NOBODY, Who.WRONG_PASSWORD}) {
            cases.add(new Case("me", Side.COMMANDS, "{ me { username } }", Map.of(), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("recordEntry", Side.COMMANDS, RECORD, object("input", entryInput(CHILD_A, "acc-police", "POL-X")), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("registerAgency", Side.COMMANDS, "mutation { registerAgency(input: {id: \"x\", name: \"X\", sector: POLICE}) { id } }", Map.of(), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("me", Side.QUERIES, "{ me { username } }", Map.of(), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("chronology", Side.QUERIES, chronology, object("c", CHILD_A), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("agency", Side.QUERIES, "{ agency(id: \"acc-police\") { id } }", Map.of(), who, Expect.UNAUTHENTICATED));
            cases.add(new Case("introspection", Side.QUERIES, "{ __schema { queryType { name } } }", Map.of(), who, Expect.UNAUTHENTICATED));
        }
        return cases;
    }

    private void run(Case c) {
        GraphQlClient.Answer answer = as(c.who(), c.side()).answer(c.document(), c.variables());
        if (c.expect() == Expect.UNAUTHENTICATED) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("\"data\"");
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String body = answer.body();
        switch (c.expect()) {
            case OK -> {
                assertThat(body).as("no error").doesNotContain("\"errors\"");
                c.check().accept(body);
            }
            case NULL -> {
                assertThat(body).doesNotContain("\"errors\"");
                assertThat((Object) JsonPath.read(body, "$.data.*")).asString().contains("null");
            }
            case FORBIDDEN -> {
                List<String> classifications = JsonPath.read(body, "$.errors[*].extensions.classification");
                assertThat(classifications).as(body).containsExactly("FORBIDDEN");
                assertThat(body).as("names no data of the child").doesNotContain("Call-out").doesNotContain("Child A");
            }
            default -> throw new AssertionError(c.expect());
        }
    }

    private GraphQlClient as(Who who, Side side) {
        GraphQlClient client = side == Side.COMMANDS ? platform.commands : platform.queries;
        return switch (who) {
            case ADMIN -> client;
            case NOBODY -> client.as(null);
            case WRONG_PASSWORD -> client.as(new Credentials("admin", "not-the-password"));
            default -> client.as(new Credentials(username(who), PASSWORD));
        };
    }

    private static String username(Who who) {
        return switch (who) {
            case ADMIN, NOBODY, WRONG_PASSWORD -> "admin";
            case POLICE -> "acc-police-user";
            case SCHOOL -> "acc-school-user";
            case REVIEWER -> "acc-reviewer";
            case OTHER_REVIEWER -> "acc-reviewer-2";
            case CHAIR -> "acc-chair";
            case OTHER_CHAIR -> "acc-chair-2";
        };
    }

    private void user(String username, String role, String agencyId) {
        platform.commands.postOk("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }",
                object("input", object("username", username, "password", PASSWORD, "role", role, "agencyId", agencyId)));
    }

    private static String entry(GraphQlClient client, String child, String agency, String sourceRef) {
        return JsonPath.read(client.postOk(RECORD, object("input", entryInput(child, agency, sourceRef))),
                "$.data.recordEntry.entryId");
    }

    private static Object entryInput(String child, String agency, String sourceRef) {
        return object("childId", child, "agencyId", agency, "sourceRef", sourceRef, "kind", "DOMESTIC_ABUSE_INCIDENT",
                "occurredAt", "2019-03-01T22:00:00Z", "knownAt", "2019-03-01T22:30:00Z",
                "summary", "Call-out to the home", "significance", "SIGNIFICANT");
    }

    private static Object recommendation(String id) {
        return object("input", object("reviewId", REVIEW, "id", id, "text", "Share call-outs in writing.",
                "findingIds", List.of("F0"), "ownerAgencyId", "acc-police", "dueBy", "2019-12-31"));
    }

    /** Until the query side has projected the setup (grants included). */
    private void awaitVisible() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            String body = platform.queries.post("query($id: ID!) { review(id: $id) { recommendations { id } } entry(id: \""
                    + childBEntry + "\") { id } }", object("id", REVIEW));
            if (body.contains("\"R0\"") && body.contains(childBEntry)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the query side did not show the setup: " + body);
            }
            Thread.sleep(100);
        }
    }

    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId } }";
    private static final String COMMISSION = "mutation($input: CommissionReviewInput!) { commissionReview(input: $input) { id dueBy } }";
    private static final String ADD_MEMBER = "mutation($input: AddReviewMemberInput!) { addReviewMember(input: $input) { id members { username } } }";
    private static final String FINDING = "mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }";
    private static final String RECOMMENDATION = "mutation($input: RecordRecommendationInput!) { recordRecommendation(input: $input) { id } }";
}
