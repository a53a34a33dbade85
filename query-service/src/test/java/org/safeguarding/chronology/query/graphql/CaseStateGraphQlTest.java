package org.safeguarding.chronology.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** caseState, involvement and the reviewer's columns through GraphQL, over events in the real event store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStateGraphQlTest extends QueryServiceTestBase {

    private static final String CHILD = "child-cs";
    private static final Instant T = Instant.parse("2007-03-01T09:30:00Z");
    private static final Instant RECORDED = Instant.parse("2008-01-01T10:00:00Z");
    private static final int EVENTS = 10;

    private static final String CASE_STATE = """
            query($childId: ID!, $at: DateTime!, $knownBy: ID, $verify: Boolean) {
              caseState(childId: $childId, at: $at, knownBy: $knownBy, verify: $verify) {
                at entryCount onChildProtectionPlan lastSeen
                involvedAgencies { agency { id name } since professionals }
                household { personId role sex livesWithChild knownTo { agency { id } since how channel } }
                unseenBy { personId knownTo { id } unknownTo { id name } }
                verification { agrees eventsReplayed differences }
              }
            }""";

    @Autowired
    private QueryBus queryBus;

    private static Instant day(int n) {
        return T.plusSeconds(86_400L * n);
    }

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("csc-c", "Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE));
        registerAgency(new AgencyRegistered("police-c", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("health-c", "Health Visiting", Sector.HEALTH));
        publish(new ChildRegistered(CHILD, "Child B", LocalDate.parse("2006-11-12")));
        publish(entry(1, "csc-c", EntryKind.INVOLVEMENT_STARTED, T, DatePrecision.EXACT, "Social Worker 1",
                "person-m"));
        publish(entry(2, "health-c", EntryKind.CHILD_SEEN, Instant.parse("2007-03-01T00:00:00Z"), DatePrecision.MONTH,
                "Health Visitor 1"));
        publish(entry(3, "police-c", EntryKind.INVOLVEMENT_STARTED, day(2), DatePrecision.EXACT, "Police Officer 2",
                "person-p"));
        publish(entry(4, "csc-c", EntryKind.CHILD_PROTECTION_PLAN_STARTED, Instant.parse("2007-03-06T00:00:00Z"),
                DatePrecision.DAY, "Social Worker 2"));
        publish(new InformationShared(CHILD, CHILD + "/S1", "police-c", "csc-c", List.of(CHILD + "/E3"), day(3),
                SharingChannel.MEETING, "STRAT-1"));
        publish(new PersonKnownRecorded(CHILD, CHILD + "/P1", "police-c", "person-p", PersonRole.PARENTS_PARTNER,
                Sex.MALE, true, day(2), "CAD-P1"));
        publish(new PersonKnownRecorded(CHILD, CHILD + "/P2", "csc-c", "person-m", PersonRole.MOTHER, Sex.FEMALE, true,
                T, "CSC-P1"));
        publish(new PersonKnownRecorded(CHILD, CHILD + "/P3", "health-c", "person-x", PersonRole.LODGER_OR_VISITOR,
                Sex.UNKNOWN, false, day(1), "HV-P1"));
        publish(entry(5, "police-c", EntryKind.INVOLVEMENT_ENDED, day(10), DatePrecision.EXACT, null));
        eventually(() -> graphQl.document(CASE_STATE).variable("childId", CHILD).variable("at", "2030-01-01T00:00:00Z")
                .variable("verify", true).execute()
                .path("caseState.verification.agrees").entity(Boolean.class).isEqualTo(true));
    }

    private int published;

    private void publish(Object event) {
        publishChildEvent(CHILD, event, RECORDED.plusSeconds(++published));
    }

    private static EntryRecorded entry(int number, String agencyId, EntryKind kind, Instant occurredAt,
                                       DatePrecision precision, String professional, String... personIds) {
        return new EntryRecorded(CHILD, CHILD + "/E" + number, agencyId, agencyId + "-" + number, kind, occurredAt,
                precision, occurredAt.plusSeconds(3_600), kind.name().toLowerCase().replace('_', ' '),
                Significance.SIGNIFICANT, professional, List.of(personIds));
    }

    @Test
    void replaysTheCaseAtAnInstantAndTheLiteralReplayAgrees() {
        graphQl.document(CASE_STATE).variable("childId", CHILD).variable("at", day(6)).variable("verify", true)
                .execute()
                .path("caseState.entryCount").entity(Integer.class).isEqualTo(4)
                .path("caseState.onChildProtectionPlan").entity(Boolean.class).isEqualTo(true)
                .path("caseState.lastSeen").entity(String.class).isEqualTo("2007-03-01T00:00:00Z")
                .path("caseState.involvedAgencies").entityList(Map.class).containsExactly(
                        Map.of("agency", Map.of("id", "csc-c", "name", "Children's Social Care"),
                                "since", "2007-03-01T09:30:00Z",
                                "professionals", List.of("Social Worker 1", "Social Worker 2")),
                        Map.of("agency", Map.of("id", "police-c", "name", "Police"),
                                "since", "2007-03-03T09:30:00Z", "professionals", List.of("Police Officer 2")))
                .path("caseState.household[*].personId").entityList(String.class)
                .containsExactly("person-m", "person-p", "person-x")
                .path("caseState.household[1]").entity(Map.class).satisfies(person -> {
                    assertThat(person.get("role")).isEqualTo("PARENTS_PARTNER");
                    assertThat(person.get("sex")).isEqualTo("MALE");
                    assertThat(person.get("livesWithChild")).isEqualTo(true);
                    assertThat(person.get("knownTo")).isEqualTo(List.of(map("agency", Map.of("id", "police-c"),
                            "since", "2007-03-03T09:30:00Z", "how", "OWN_RECORD", "channel", null)));
                })
                .path("caseState.unseenBy").entityList(Map.class).containsExactly(
                        Map.of("personId", "person-p", "knownTo", List.of(Map.of("id", "police-c")),
                                "unknownTo", List.of(Map.of("id", "csc-c", "name", "Children's Social Care"))),
                        Map.of("personId", "person-x", "knownTo", List.of(Map.of("id", "health-c")),
                                "unknownTo", List.of(Map.of("id", "csc-c", "name", "Children's Social Care"),
                                        Map.of("id", "police-c", "name", "Police"))))
                .path("caseState.verification").entity(Map.class)
                .isEqualTo(Map.of("agrees", true, "eventsReplayed", EVENTS, "differences", List.of()));
    }

    @Test
    void replaysWhatOneAgencyKnewWithoutUnseenPersons() {
        graphQl.document(CASE_STATE).variable("childId", CHILD).variable("at", day(6)).variable("knownBy", "csc-c")
                .execute()
                .path("caseState.entryCount").entity(Integer.class).isEqualTo(3)
                .path("caseState.lastSeen").valueIsNull()
                .path("caseState.involvedAgencies[*].agency.id").entityList(String.class)
                .containsExactly("csc-c", "police-c")
                .path("caseState.household[*].personId").entityList(String.class).containsExactly("person-m")
                .path("caseState.unseenBy").entityList(Object.class).hasSize(0)
                .path("caseState.verification").valueIsNull();
    }

    @Test
    void resolvesEveryAgencyOfACaseStateWithOneQueryPerField() {
        List<Object> queries = countQueries(() -> graphQl.document(CASE_STATE).variable("childId", CHILD)
                .variable("at", day(6)).execute().path("caseState.entryCount").entity(Integer.class).isEqualTo(4));
        assertThat(queries).hasSize(5).first().isInstanceOf(FindCaseState.class);
        assertThat(queries.subList(1, 5)).allSatisfy(query -> assertThat(query).isInstanceOf(FindAgencies.class));
    }

    @Test
    void givesEachAgencysInvolvementOverTheWholeTimeline() {
        graphQl.document("""
                        query($childId: ID!) {
                          involvement(childId: $childId) {
                            agency { id sector } episodes { from to } entryCount firstEntryAt lastEntryAt
                          }
                        }""").variable("childId", CHILD).execute()
                .path("involvement[*].agency.id").entityList(String.class)
                .containsExactly("csc-c", "health-c", "police-c")
                .path("involvement[0].agency.sector").entity(String.class).isEqualTo("CHILDRENS_SOCIAL_CARE")
                .path("involvement[0].episodes").entityList(Map.class)
                .containsExactly(map("from", "2007-03-01T09:30:00Z", "to", null))
                .path("involvement[0].entryCount").entity(Integer.class).isEqualTo(2)
                .path("involvement[0].lastEntryAt").entity(String.class).isEqualTo("2007-03-06T00:00:00Z")
                .path("involvement[1].episodes").entityList(Object.class).hasSize(0)
                .path("involvement[2].episodes").entityList(Map.class)
                .containsExactly(Map.of("from", "2007-03-03T09:30:00Z", "to", "2007-03-11T09:30:00Z"))
                .path("involvement[2].firstEntryAt").entity(String.class).isEqualTo("2007-03-03T09:30:00Z");
        graphQl.document("{ involvement(childId: \"" + CHILD + "\", recordedAsOf: \"2008-01-01T10:00:02Z\") "
                        + "{ agency { id } entryCount } }").execute()
                .path("involvement").entityList(Map.class)
                .containsExactly(Map.of("agency", Map.of("id", "csc-c"), "entryCount", 1));
    }

    @Test
    void showsTheReviewersColumnsOnEachEntry() {
        String chronology = """
                query($childId: ID!, $personId: ID, $first: Int, $after: String) {
                  chronology(childId: $childId, personId: $personId, first: $first, after: $after) {
                    pageInfo { endCursor }
                    edges { node { id occurredAtPrecision occurredAtText childAge sincePrevious personIds
                                   history { occurredAtPrecision } } }
                  }
                }""";
        List<Object> queries = countQueries(() -> graphQl.document(chronology).variable("childId", CHILD).execute()
                .path("chronology.edges[*].node.id").entityList(String.class)
                .containsExactly(CHILD + "/E2", CHILD + "/E1", CHILD + "/E3", CHILD + "/E4", CHILD + "/E5")
                .path("chronology.edges[*].node.occurredAtText").entityList(String.class)
                .containsExactly("?/03/2007", "01/03/2007 09:30", "03/03/2007 09:30", "06/03/2007", "11/03/2007 09:30")
                .path("chronology.edges[*].node.childAge").entityList(String.class)
                .containsExactly("about 3 months 17 days", "3 months 17 days", "3 months 19 days", "3 months 22 days",
                        "3 months 27 days")
                .path("chronology.edges[0].node.sincePrevious").valueIsNull()
                .path("chronology.edges[1:].node.sincePrevious").entityList(String.class)
                .containsExactly("9 hours 30 minutes", "2 days", "2 days 14 hours", "5 days 9 hours")
                .path("chronology.edges[0].node.occurredAtPrecision").entity(String.class).isEqualTo("MONTH")
                .path("chronology.edges[0].node.history[0].occurredAtPrecision").entity(String.class)
                .isEqualTo("MONTH")
                .path("chronology.edges[1].node.personIds").entityList(String.class).containsExactly("person-m"));
        assertThat(queries).hasSize(2).first().isInstanceOf(FindChronology.class);
        assertThat(queries.get(1)).isEqualTo(new FindChild(CHILD));

        String endCursor = graphQl.document(chronology).variable("childId", CHILD).variable("first", 2).execute()
                .path("chronology.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(chronology).variable("childId", CHILD).variable("first", 2).variable("after", endCursor)
                .execute()
                .path("chronology.edges[0].node.sincePrevious").entity(String.class).isEqualTo("2 days");
        graphQl.document(chronology).variable("childId", CHILD).variable("personId", "person-p").execute()
                .path("chronology.edges[*].node.id").entityList(String.class).containsExactly(CHILD + "/E3")
                .path("chronology.edges[0].node.sincePrevious").valueIsNull();
        graphQl.document("{ entry(id: \"" + CHILD + "/E3\") { sincePrevious childAge } }").execute()
                .path("entry.sincePrevious").valueIsNull()
                .path("entry.childAge").entity(String.class).isEqualTo("3 months 19 days");
    }

    private List<Object> countQueries(Runnable request) {
        List<Object> queries = new CopyOnWriteArrayList<>();
        Registration counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            queries.add(unitOfWork.getMessage().getPayload());
            return chain.proceed();
        });
        try {
            request.run();
        } finally {
            counting.cancel();
        }
        return queries;
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
