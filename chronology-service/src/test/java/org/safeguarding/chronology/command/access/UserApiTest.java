package org.safeguarding.chronology.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.command.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** createUser over HTTP: ADMIN only, an AGENCY user's agency must be registered, the same user again is no change. */
class UserApiTest extends ServiceTest {

    static final String CREATE = """
            mutation($input: CreateUserInput!) { createUser(input: $input) { username role agency { id name } } }""";

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void anAgencyUserNeedsARegisteredAgencyAndAnswersWithIt() {
        String police = unique("police");
        assertError(Map.of("username", unique("officer"), "password", "long-enough-password", "role", "AGENCY",
                "agencyId", police), "NOT_FOUND", "agency " + police + " is not registered");
        graphQl.document("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }")
                .variable("input", Map.of("id", police, "name", "Police 1", "sector", "POLICE")).execute().errors().verify();
        String officer = unique("officer");
        Map<String, Object> input = Map.of("username", officer, "password", "long-enough-password", "role", "AGENCY",
                "agencyId", police);
        graphQl.document(CREATE).variable("input", input).execute()
                .path("createUser.username").entity(String.class).isEqualTo(officer)
                .path("createUser.agency.name").entity(String.class).isEqualTo("Police 1");
        graphQl.document(CREATE).variable("input", input).execute().errors().verify();
        assertError(Map.of("username", officer, "password", "long-enough-password", "role", "REVIEWER"), "CONFLICT",
                "already exists");
        graphQl.mutate().headers(headers -> headers.setBasicAuth(officer, "long-enough-password")).build()
                .document(CREATE).variable("input", Map.of("username", unique("x"), "password", "long-enough-password",
                        "role", "CHAIR")).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }

    @Test
    void fieldsAreCheckedByName() {
        assertError(Map.of("username", "no spaces", "password", "long-enough-password", "role", "CHAIR"),
                "BAD_REQUEST", "username");
        assertError(Map.of("username", unique("chair"), "password", "short", "role", "CHAIR"), "BAD_REQUEST",
                "password must be at least 12 characters");
        assertError(Map.of("username", unique("chair"), "password", "long-enough-password", "role", "CHAIR",
                "agencyId", "police"), "BAD_REQUEST", "agencyId is only for a user with role AGENCY");
    }

    private void assertError(Map<String, Object> input, String classification, String message) {
        graphQl.document(CREATE).variable("input", input).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", classification);
                    assertThat(error.getMessage()).contains(message);
                }));
    }
}
