package org.safeguarding.chronology.query.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * practicePatterns through GraphQL over events in the real event store: a call-out shared by telephone with a baby
 * in the house, a strategy discussion without it, and an escalation left unanswered; who may ask, and the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticePatternsGraphQlTest extends QueryServiceTestBase {

    private static final String CHILD = "child-pp";
    private static final Instant RECORDED = Instant.parse("2019-06-01T10:00:00Z");
    private static final Instant CALL_OUT = Instant.parse("2019-04-13T22:00:00Z");
    private static final Instant DISCUSSION = Instant.parse("2019-04-25T10:00:00Z");
    private static final Instant ESCALATED = Instant.parse("2019-04-26T10:00:00Z");
    private static final String PASSWORD = "practice-patterns-test-password";

    @Autowired
    UserAccounts users;

    @Autowired
    WebTestClient web;

    private int published;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-pp", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("hv-pp", "Health Visiting", Sector.HEALTH));
        registerAgency(new AgencyRegistered("csc-pp", "Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE));
        users.create("police-user-pp", PASSWORD, UserRole.AGENCY, "police-pp", "test");
        publish(new ChildRegistered(CHILD, "Child P", LocalDate.parse("2019-01-10")));
        publish(entry(1, "police-pp", EntryKind.DOMESTIC_ABUSE_INCIDENT, CALL_OUT, Significance.SIGNIFICANT,
                List.of(Concern.DOMESTIC_ABUSE), List.of(), null));
        publish(new InformationShared(CHILD, CHILD + "/S1", "police-pp", "hv-pp", List.of(CHILD + "/E1"),
                Instant.parse("2019-04-14T09:00:00Z"), SharingChannel.VERBAL, "PHONE-1"));
        publish(entry(2, "csc-pp", EntryKind.STRATEGY_DISCUSSION, DISCUSSION, Significance.ROUTINE, List.of(),
                List.of(new PlanAction("Health visitor to visit weekly", "hv-pp", null, " ")), null));
        publish(entry(3, "hv-pp", EntryKind.ESCALATION, ESCALATED, Significance.ROUTINE, List.of(), List.of(),
                "csc-pp"));
        eventually(() -> patterns(graphQl, "2019-05-20T00:00:00Z").path("practicePatterns").entityList(Object.class)
                .hasSize(5));
    }

    @Test
    void findsEachPatternWithItsEvidenceAsItCouldBeSeenOn20May2019() {
        patterns(graphQl, "2019-05-20T00:00:00Z")
                .path("practicePatterns[*].kind").entityList(String.class).containsExactly(
                        "VERBAL_SHARE_NOT_IN_WRITING", "DOMESTIC_ABUSE_BABY_NO_ENQUIRY", "PLAN_ACTION_INCOMPLETE",
                        "DECISION_WITHOUT_KNOWN_INFORMATION", "ESCALATION_UNANSWERED")
                .path("practicePatterns[*].since").entityList(String.class).containsExactly(
                        "2019-04-19T09:00:00Z", "2019-04-20T22:00:00Z", "2019-04-25T10:00:00Z",
                        "2019-04-25T10:00:00Z", "2019-05-03T23:00:00Z")
                .path("practicePatterns[0].agencies[*].name").entityList(String.class)
                .containsExactly("Health Visiting", "Police")
                .path("practicePatterns[0].description").entity(String.class).isEqualTo(
                        "Police shared the domestic abuse incident of 13/04/2019 with Health Visiting verbally on "
                                + "14/04/2019 and did not put it in writing within 5 days.")
                .path("practicePatterns[1].entries[0].concerns").entityList(String.class)
                .containsExactly("DOMESTIC_ABUSE")
                .path("practicePatterns[2].actionIndex").entity(Integer.class).isEqualTo(0)
                .path("practicePatterns[2].missing").entityList(String.class).containsExactly("DUE_DATE", "CONTINGENCY")
                .path("practicePatterns[2].entries[0].actions[0]").entity(Map.class).isEqualTo(map("what",
                        "Health visitor to visit weekly", "owner", Map.of("id", "hv-pp", "name", "Health Visiting"),
                        "dueBy", null, "contingency", null))
                .path("practicePatterns[3].entries[*].id").entityList(String.class)
                .containsExactly(CHILD + "/E2", CHILD + "/E1")
                .path("practicePatterns[3].agencies[*].id").entityList(String.class).containsExactly("csc-pp")
                .path("practicePatterns[4].entries[0].escalatedTo").entity(Map.class)
                .isEqualTo(Map.of("id", "csc-pp", "name", "Children's Social Care"))
                .path("practicePatterns[4].description").entity(String.class).isEqualTo(
                        "Health Visiting escalated a concern to Children's Social Care on 26/04/2019 and had no answer "
                                + "within 5 working days.");
    }

    @Test
    void movingAtBackBeforeADeadlineLeavesItsPatternOut() {
        patterns(graphQl, "2019-05-03T22:59:59.999999Z").path("practicePatterns[*].kind").entityList(String.class)
                .doesNotContain("ESCALATION_UNANSWERED").hasSize(4);
        patterns(graphQl, "2019-04-19T08:59:59.999999Z").path("practicePatterns").entityList(Object.class).hasSize(0);
        patterns(graphQl, "2019-04-19T09:00:00Z").path("practicePatterns[*].kind").entityList(String.class)
                .containsExactly("VERBAL_SHARE_NOT_IN_WRITING");
    }

    @Test
    void theLiteralFoldOfTheEventsAgreesAndSaysSoInTheExtensions() {
        Map<String, Object> body = web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "query($c: ID!) { practicePatterns(childId: $c, at: \"2019-05-20T00:00:00Z\", "
                        + "verify: true) { kind } }", "variables", Map.of("c", CHILD)))
                .exchange().expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(body).doesNotContainKey("errors");
        assertThat(body.get("extensions")).isEqualTo(Map.of("practicePatternsVerification",
                Map.of("agrees", true, "eventsReplayed", published, "differences", List.of())));
    }

    @Test
    void anAgencyUserMayNotReadThemAndEveryReadIsAudited() {
        HttpGraphQlTester agencyUser = graphQl.mutate().headers(headers -> headers.setBasicAuth("police-user-pp",
                PASSWORD)).build();
        patterns(agencyUser, "2019-05-20T00:00:00Z").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        patterns(graphQl, "2019-05-21T00:00:00Z").errors().verify();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trail = graphQl.document("query($id: ID!) { auditTrail(childId: $id, first: 10) { "
                        + "edges { node { username operation arguments } } } }").variable("id", CHILD).execute()
                .path("auditTrail.edges[*].node").entityList(Object.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        assertThat(trail).anySatisfy(record -> assertThat(record).containsEntry("operation", "practicePatterns")
                .containsEntry("username", "admin")
                .containsEntry("arguments", "{\"at\":\"2019-05-21T00:00:00Z\",\"childId\":\"" + CHILD
                        + "\",\"verify\":false}"));
        assertThat(trail).anySatisfy(record -> assertThat(record).containsEntry("operation", "denied:practicePatterns")
                .containsEntry("username", "police-user-pp"));
    }

    @Test
    void anUnknownChildHasNone() {
        graphQl.documentName("practicePatterns").variable("childId", "no-such-child").variable("at",
                "2019-05-20T00:00:00Z").execute().path("practicePatterns").entityList(Object.class).hasSize(0);
    }

    private HttpGraphQlTester.Response patterns(HttpGraphQlTester tester, String at) {
        return tester.documentName("practicePatterns").variable("childId", CHILD).variable("at", at).execute();
    }

    private void publish(Object event) {
        publishChildEvent(CHILD, event, RECORDED.plusSeconds(++published));
    }

    private static EntryRecorded entry(int number, String agencyId, EntryKind kind, Instant occurredAt,
                                       Significance significance, List<Concern> concerns, List<PlanAction> actions,
                                       String escalatedTo) {
        return new EntryRecorded(CHILD, CHILD + "/E" + number, agencyId, agencyId + "-" + number, kind, occurredAt,
                DatePrecision.EXACT, occurredAt.plusSeconds(3_600), kind.name().toLowerCase().replace('_', ' '),
                significance, null, List.of(), concerns, null, actions, escalatedTo, null);
    }

    /** A map of keys and values, nulls allowed. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
