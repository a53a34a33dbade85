package org.safeguarding.chronology.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChronologyGraphQlTest extends QueryServiceTestBase {

    private static final String CHILD = "child-graphql";
    private static final Instant T = Instant.parse("2007-03-01T09:30:00Z");
    private static final Instant RECORDED = Instant.parse("2008-01-01T10:00:00.123456Z");

    private static final String CHRONOLOGY = """
            query($childId: ID!, $first: Int, $after: String, $knownBy: ID, $knownAt: DateTime) {
              chronology(childId: $childId, first: $first, after: $after, knownBy: $knownBy, knownAt: $knownAt) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges {
                  cursor
                  node {
                    id childId sourceRef kind occurredAt knownAt recordedAt summary significance professional version
                    agency { id name sector }
                    knownTo { agency { id name } since how channel }
                  }
                }
              }
            }""";

    @Autowired
    private QueryBus queryBus;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-g", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("health-g", "Health Visiting", Sector.HEALTH));
        publishChildEvent(CHILD, new ChildRegistered(CHILD, "Child A", LocalDate.parse("2006-03-01")), RECORDED);
        publishChildEvent(CHILD, new EntryRecorded(CHILD, CHILD + "/E1", "police-g", "CAD-1",
                EntryKind.DOMESTIC_ABUSE_INCIDENT, T, DatePrecision.EXACT, T, "Call-out to the home",
                Significance.SIGNIFICANT, "Police Officer 2", List.of()), RECORDED.plusSeconds(1));
        publishChildEvent(CHILD, new EntryRecorded(CHILD, CHILD + "/E2", "health-g", "HV-1", EntryKind.HOME_VISIT,
                T.plusSeconds(86_400), DatePrecision.EXACT, T.plusSeconds(86_400), "Home visit, Child A seen",
                Significance.ROUTINE, null, List.of()), RECORDED.plusSeconds(2));
        publishChildEvent(CHILD, new EntryRecorded(CHILD, CHILD + "/E3", "health-g", "HV-2", EntryKind.CONTACT,
                T.plusSeconds(2 * 86_400), DatePrecision.EXACT, T.plusSeconds(2 * 86_400),
                "Telephone contact with Mother", Significance.ROUTINE, "Health Visitor 1", List.of()),
                RECORDED.plusSeconds(3));
        publishChildEvent(CHILD, new InformationShared(CHILD, CHILD + "/S1", "police-g", "health-g",
                List.of(CHILD + "/E1"), T.plusSeconds(3_600), SharingChannel.ELECTRONIC, "NOTE-1"),
                RECORDED.plusSeconds(4));
        publishChildEvent(CHILD, new EntryCorrected(CHILD, CHILD + "/E3", "health-g", 2, EntryKind.CONTACT,
                T.plusSeconds(2 * 86_400), DatePrecision.EXACT, T.plusSeconds(2 * 86_400),
                "Telephone contact with Mother, no answer", Significance.ROUTINE, "outcome"),
                RECORDED.plusSeconds(5));
        publishChildEvent(CHILD, new EntryRetracted(CHILD, CHILD + "/E3", "health-g", 3, "wrong child"),
                RECORDED.plusSeconds(6));
        eventually(() -> graphQl.document(
                        "{ entry(id: \"" + CHILD + "/E3\") { version } agency(id: \"health-g\") { id } }")
                .execute().path("agency.id").entity(String.class).isEqualTo("health-g")
                .path("entry.version").entity(Integer.class).isEqualTo(3));
    }

    @Test
    void answersAPageWithAgenciesAndWhoKnewWhat() {
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).execute()
                .path("chronology.totalCount").entity(Integer.class).isEqualTo(2)
                .path("chronology.edges[*].node.id").entityList(String.class)
                .containsExactly(CHILD + "/E1", CHILD + "/E2")
                .path("chronology.edges[0].node").entity(Map.class).satisfies(entry -> {
                    assertThat(entry.get("recordedAt")).isEqualTo("2008-01-01T10:00:01.123456Z");
                    assertThat(entry.get("occurredAt")).isEqualTo("2007-03-01T09:30:00Z");
                    assertThat(entry.get("agency")).isEqualTo(Map.of("id", "police-g", "name", "Police", "sector", "POLICE"));
                    assertThat(entry.get("professional")).isEqualTo("Police Officer 2");
                    assertThat(entry.get("knownTo")).isEqualTo(List.of(
                            knowledge("police-g", "Police", "2007-03-01T09:30:00Z", "OWN_RECORD", null),
                            knowledge("health-g", "Health Visiting", "2007-03-01T10:30:00Z", "SHARED", "ELECTRONIC")));
                });
    }

    private static Map<String, Object> knowledge(String agencyId, String name, String since, String how,
                                                 String channel) {
        Map<String, Object> knowledge = new HashMap<>();
        knowledge.put("agency", Map.of("id", agencyId, "name", name));
        knowledge.put("since", since);
        knowledge.put("how", how);
        knowledge.put("channel", channel);
        return knowledge;
    }

    @Test
    void resolvesTheAgenciesOfAPageWithOneQueryPerLevel() {
        List<Object> queries = new CopyOnWriteArrayList<>();
        Registration counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            queries.add(unitOfWork.getMessage().getPayload());
            return chain.proceed();
        });
        try {
            graphQl.document(CHRONOLOGY).variable("childId", CHILD).execute()
                    .path("chronology.totalCount").entity(Integer.class).isEqualTo(2);
        } finally {
            counting.cancel();
        }
        assertThat(queries).hasSize(3).first().isInstanceOf(FindChronology.class);
        assertThat(queries.subList(1, 3)).allSatisfy(query -> assertThat(query).isInstanceOf(FindAgencies.class));
    }

    @Test
    void pagesWithCursors() {
        String endCursor = graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("first", 1).execute()
                .path("chronology.edges[*].node.id").entityList(String.class).containsExactly(CHILD + "/E1")
                .path("chronology.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("chronology.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("first", 1).variable("after", endCursor)
                .execute()
                .path("chronology.edges[*].node.id").entityList(String.class).containsExactly(CHILD + "/E2")
                .path("chronology.totalCount").entity(Integer.class).isEqualTo(2)
                .path("chronology.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void eachPageAfterTheFirstBeginsAtTheEndCursorOfThePageBeforeIt() {
        String endCursor = graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("first", 1).execute()
                .path("chronology.pageInfo.endCursor").entity(String.class).get();
        graphQl.documentName("chronologyPages").variable("childId", CHILD).variable("first", 1).execute()
                .path("chronologyPages").entityList(String.class).containsExactly(endCursor);
        graphQl.documentName("chronologyPages").variable("childId", CHILD).variable("first", 2).execute()
                .path("chronologyPages").entityList(String.class).hasSize(0);
        graphQl.documentName("chronologyPages").variable("childId", CHILD).variable("first", 1)
                .variable("knownBy", "health-g").variable("knownAt", "2007-03-01T11:30:00+01:00").execute()
                .path("chronologyPages").entityList(String.class).hasSize(0);
        graphQl.documentName("chronologyPages").variable("childId", CHILD).variable("first", 501).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("first must be between 1 and 500")));
    }

    @Test
    void filtersByWhatAnAgencyKnewWhen() {
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("knownBy", "health-g")
                .variable("knownAt", "2007-03-01T10:00:00+00:00").execute()
                .path("chronology.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("knownBy", "health-g")
                .variable("knownAt", "2007-03-01T11:30:00+01:00").execute()
                .path("chronology.edges[*].node.id").entityList(String.class).containsExactly(CHILD + "/E1");
    }

    @Test
    void firstOutOfRangeIsABadRequest() {
        for (int first : new int[] {0, 501}) {
            graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("first", first).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(error.getMessage()).contains("first");
                    }));
        }
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("after", "%%").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("after");
                }));
    }

    @Test
    void aMalformedDateTimeIsABadRequest() {
        graphQl.document(CHRONOLOGY).variable("childId", CHILD).variable("knownAt", "yesterday").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error ->
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
        graphQl.document("{ chronology(childId: \"x\", recordedAsOf: \"2007-03-01T09:30:00\") { totalCount } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error ->
                        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void answersAnEntryWithItsHistory() {
        graphQl.document("""
                        query($id: ID!) {
                          entry(id: $id) {
                            version summary recordedAt
                            history { version recordedAt summary reason retracted }
                          }
                        }""").variable("id", CHILD + "/E3").execute()
                .path("entry.version").entity(Integer.class).isEqualTo(3)
                .path("entry.summary").entity(String.class).isEqualTo("Telephone contact with Mother, no answer")
                .path("entry.history[*].version").entityList(Integer.class).containsExactly(1, 2, 3)
                .path("entry.history[*].retracted").entityList(Boolean.class).containsExactly(false, false, true)
                .path("entry.history[2].reason").entity(String.class).isEqualTo("wrong child")
                .path("entry.history[2].summary").entity(String.class).isEqualTo("Telephone contact with Mother, no answer");
        graphQl.document("{ entry(id: \"" + CHILD + "/E3\", recordedAsOf: \"2008-01-01T10:00:04.123456Z\") { version } }")
                .execute().path("entry.version").entity(Integer.class).isEqualTo(1);
        graphQl.document("{ entry(id: \"" + CHILD + "/E9\") { version } }").execute().path("entry").valueIsNull();
    }

    @Test
    void answersAgenciesAndChildrenOrNull() {
        graphQl.document("""
                        { agency(id: "police-g") { name sector } child(id: "%s") { displayName dateOfBirth }
                          unknownAgency: agency(id: "nobody") { name } unknownChild: child(id: "nobody") { id } }"""
                        .formatted(CHILD)).execute()
                .path("agency.name").entity(String.class).isEqualTo("Police")
                .path("child.displayName").entity(String.class).isEqualTo("Child A")
                .path("child.dateOfBirth").entity(String.class).isEqualTo("2006-03-01")
                .path("unknownAgency").valueIsNull()
                .path("unknownChild").valueIsNull();
    }

    @Test
    void anUnknownChildHasAnEmptyChronology() {
        graphQl.document(CHRONOLOGY).variable("childId", "nobody").execute()
                .path("chronology.totalCount").entity(Integer.class).isEqualTo(0)
                .path("chronology.edges").entityList(Object.class).hasSize(0);
    }
}
