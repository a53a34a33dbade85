package org.safeguarding.chronology.query.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The links of entries and possibleDuplicates through GraphQL, over events in the real event store: a home visit
 * told by the police twice and by the health visitor once, two of them linked as one occurrence, two linked as
 * conflicting accounts; who may ask, and the audit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinksGraphQlTest extends QueryServiceTestBase {

    private static final String CHILD = "child-links";
    private static final String E1 = CHILD + "/E1";
    private static final String E2 = CHILD + "/E2";
    private static final String E3 = CHILD + "/E3";
    private static final String E4 = CHILD + "/E4";
    private static final Instant RECORDED = Instant.parse("2024-06-01T10:00:00Z");
    private static final Instant SAME_LINKED = RECORDED.plusSeconds(10);
    private static final Instant CONFLICT_LINKED = RECORDED.plusSeconds(20);
    private static final String BETWEEN_THE_LINKS = "2024-06-01T10:00:15Z";
    private static final String PASSWORD = "links-graphql-test-password";

    @Autowired
    UserAccounts users;

    @BeforeAll
    void history() {
        registerAgency(new AgencyRegistered("police-ln", "Police", Sector.POLICE));
        registerAgency(new AgencyRegistered("hv-ln", "Health Visiting", Sector.HEALTH));
        registerAgency(new AgencyRegistered("school-ln", "Primary School", Sector.EDUCATION));
        users.create("police-user-ln", PASSWORD, UserRole.AGENCY, "police-ln", "test");
        publishChildEvent(CHILD, new ChildRegistered(CHILD, "Child L", LocalDate.parse("2020-02-01")), RECORDED);
        entry(1, "police-ln", EntryKind.HOME_VISIT, "2024-05-01T09:30:00Z", "Home visit: Mother and Child L seen at home");
        entry(2, "hv-ln", EntryKind.HOME_VISIT, "2024-05-01T15:00:00Z", "Child L and Mother seen at home on a home visit");
        entry(3, "school-ln", EntryKind.CONTACT, "2024-05-02T08:00:00Z", "Child L absent from school");
        entry(4, "police-ln", EntryKind.HOME_VISIT, "2024-05-02T09:00:00Z", "Home visit, Mother and Child L seen");
        publishChildEvent(CHILD, new EntriesLinked(CHILD, "link-1", EntryLinkKind.SAME_OCCURRENCE, List.of(E2, E1),
                "the police and the health visitor went together", "reviewer-1"), SAME_LINKED);
        publishChildEvent(CHILD, new EntriesLinked(CHILD, "link-2", EntryLinkKind.CONFLICTING_ACCOUNTS,
                List.of(E1, E4), "who was present differs", "reviewer-1"), CONFLICT_LINKED);
        eventually(() -> chronology().path("now.edges[0].node.links").entityList(Object.class).hasSize(2));
    }

    @Test
    void possibleDuplicatesLeaveOutThePairLinkedAsOneOccurrence() {
        GraphQlTester.Response now = duplicates(graphQl, null);
        now.path("possibleDuplicates[*].entries[*].id").entityList(String.class).containsExactly(E2, E4)
                .path("possibleDuplicates[0].similarity").entity(Double.class).isEqualTo(1.0)
                .path("possibleDuplicates[0].entries[*].agency.name").entityList(String.class)
                .containsExactly("Health Visiting", "Police")
                .path("possibleDuplicates[0].entries[0].sincePrevious").entity(String.class).isEqualTo("5 hours 30 minutes")
                .path("possibleDuplicates[0].entries[0].links[*].id").entityList(String.class).containsExactly("link-1")
                .path("possibleDuplicates[0].entries[1].links[*].id").entityList(String.class).containsExactly("link-2");

        GraphQlTester.Response beforeTheLinks = duplicates(graphQl, RECORDED.plusSeconds(5).toString());
        beforeTheLinks.path("possibleDuplicates[*].entries[*].id").entityList(String.class)
                .containsExactly(E1, E2, E2, E4)
                .path("possibleDuplicates[0].entries[0].links").entityList(Object.class).hasSize(0);
    }

    @Test
    void anEntrysLinksAreThoseRecordedByTheQuerysRecordedAsOfByRecordedAt() {
        GraphQlTester.Response answer = chronology();
        answer.path("now.edges[*].node.id").entityList(String.class).containsExactly(E1, E2, E3, E4)
                .path("now.edges[0].node.links[*].id").entityList(String.class).containsExactly("link-1", "link-2")
                .path("now.edges[0].node.links[0]").entity(Map.class).isEqualTo(Map.of("id", "link-1",
                        "kind", "SAME_OCCURRENCE", "entryIds", List.of(E2, E1),
                        "note", "the police and the health visitor went together",
                        "recordedAt", SAME_LINKED.toString()))
                .path("now.edges[2].node.links").entityList(Object.class).hasSize(0)
                .path("then.edges[0].node.links[*].id").entityList(String.class).containsExactly("link-1")
                .path("then.edges[3].node.links").entityList(Object.class).hasSize(0);
        graphQl.documentName("entryLinks").variable("id", E4).variable("recordedAsOf", BETWEEN_THE_LINKS).execute()
                .path("entry.links").entityList(Object.class).hasSize(0);
        graphQl.documentName("entryLinks").variable("id", E4).execute()
                .path("entry.links[*].kind").entityList(String.class).containsExactly("CONFLICTING_ACCOUNTS");
    }

    @Test
    void anAgencyUserMayNotAskForPossibleDuplicatesAndEveryAskingIsAudited() {
        HttpGraphQlTester agencyUser = graphQl.mutate().headers(headers -> headers.setBasicAuth("police-user-ln",
                PASSWORD)).build();
        duplicates(agencyUser, null).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
                    assertThat(error.getMessage()).doesNotContain(CHILD);
                }));
        duplicates(graphQl, BETWEEN_THE_LINKS).errors().verify();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trail = graphQl.documentName("auditTrail").variable("childId", CHILD).execute()
                .path("auditTrail.edges[*].node").entityList(Object.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        assertThat(trail).anySatisfy(record -> assertThat(record).containsEntry("operation", "possibleDuplicates")
                .containsEntry("username", "admin")
                .containsEntry("arguments", "{\"childId\":\"" + CHILD + "\",\"recordedAsOf\":\"" + BETWEEN_THE_LINKS
                        + "\"}"));
        assertThat(trail).anySatisfy(record -> assertThat(record)
                .containsEntry("operation", "denied:possibleDuplicates").containsEntry("username", "police-user-ln"));
    }

    @Test
    void anUnknownChildHasNone() {
        graphQl.documentName("possibleDuplicates").variable("childId", "no-such-child").execute()
                .path("possibleDuplicates").entityList(Object.class).hasSize(0);
    }

    private GraphQlTester.Response duplicates(HttpGraphQlTester tester, String recordedAsOf) {
        return tester.documentName("possibleDuplicates").variable("childId", CHILD)
                .variable("recordedAsOf", recordedAsOf).execute();
    }

    private GraphQlTester.Response chronology() {
        return graphQl.documentName("chronologyLinks").variable("childId", CHILD)
                .variable("recordedAsOf", BETWEEN_THE_LINKS).execute();
    }

    private void entry(int number, String agencyId, EntryKind kind, String occurredAt, String summary) {
        Instant at = Instant.parse(occurredAt);
        publishChildEvent(CHILD, new EntryRecorded(CHILD, CHILD + "/E" + number, agencyId, agencyId + "-" + number,
                kind, at, DatePrecision.EXACT, at.plusSeconds(600), summary, Significance.ROUTINE, null, List.of(),
                List.of(), null, List.of(), null, null), RECORDED.plusSeconds(number));
    }
}
