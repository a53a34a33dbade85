package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The import over HTTP as the admin (unless a test says otherwise), for a child and a health agency of its own. */
abstract class ImportServiceTest extends ServiceTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType XLSX = MediaType.parseMediaType(ChronologyUpload.XLSX_TYPE);

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    WebTestClient webClient;
    @Autowired
    EventStore eventStore;

    WebTestClient client;
    String child;
    String health;

    @BeforeEach
    void registerChildAndAgency() {
        client = webClient.mutate().responseTimeout(Duration.ofMinutes(5)).build();
        child = registerChild();
        health = registerAgency("Health Visiting 1", "HEALTH");
    }

    String registerChild() {
        String id = unique("child");
        mutate("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                Map.of("id", id, "displayName", "Child A", "dateOfBirth", "2018-01-15"));
        return id;
    }

    String registerAgency(String name, String sector) {
        String id = unique(sector.toLowerCase());
        mutate("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                Map.of("id", id, "name", name, "sector", sector));
        return id;
    }

    /** A user of the built-in store with this role (and agency, for AGENCY); answers its username. */
    String createUser(String role, String agencyId) {
        String username = unique(role.toLowerCase());
        Map<String, Object> input = agencyId == null
                ? Map.of("username", username, "password", PASSWORD, "role", role)
                : Map.of("username", username, "password", PASSWORD, "role", role, "agencyId", agencyId);
        mutate("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }", input);
        return username;
    }

    static final String PASSWORD = "password-of-the-import-tests";

    private void mutate(String document, Map<String, Object> input) {
        graphQl.document(document).variable("input", input).execute().errors().verify();
    }

    WebTestClient.ResponseSpec post(byte[] file, MediaType type) {
        return post(client, file, type, child, health);
    }

    static WebTestClient.ResponseSpec post(WebTestClient client, byte[] file, MediaType type, String childId,
                                           String agencyId) {
        return client.post().uri(uri -> uri.path("/imports/chronology").queryParam("childId", childId)
                        .queryParam("agencyId", agencyId).build())
                .contentType(type).bodyValue(file).exchange();
    }

    /** The answer's JSON, after checking its status. */
    Map<String, Object> answer(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    /** The answer of an accepted import: its counts and no errors. */
    void assertImported(Map<String, Object> answer, int imported, int duplicates) {
        assertThat(answer).containsEntry("imported", imported).containsEntry("duplicates", duplicates)
                .containsEntry("errors", List.of()).containsKey("tookMillis");
    }

    /** The rows and columns of a refused import's errors, in order, as "row column". */
    @SuppressWarnings("unchecked")
    static List<String> rowsAndColumns(Map<String, Object> answer) {
        assertThat(answer).containsEntry("imported", 0).containsEntry("duplicates", 0);
        return ((List<Map<String, Object>>) answer.get("errors")).stream()
                .map(error -> error.get("row") + " " + error.get("column")).toList();
    }

    /** The entries stored for the child, in order. */
    List<EntryRecorded> entries() {
        return eventStore.readEvents(ChildIds.aggregateId(child), 0).asStream()
                .map(event -> event.getPayload()).filter(EntryRecorded.class::isInstance)
                .map(EntryRecorded.class::cast).toList();
    }
}
