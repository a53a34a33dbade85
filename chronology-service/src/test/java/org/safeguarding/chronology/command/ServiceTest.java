package org.safeguarding.chronology.command;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service over HTTP, on an in-memory MongoDB shared by every such test in the JVM. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public abstract class ServiceTest {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    /** The first-start admin's password in these tests (AdminTestClient sends it). */
    public static final String ADMIN_PASSWORD = "admin-password-of-the-tests";
    public static final String ADMIN_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.uri("chronology"));
        registry.add("chronology.security.admin-password", () -> ADMIN_PASSWORD);
    }

    /** Commands sent in the test's own thread go as the admin, as those over HTTP do. */
    @BeforeEach
    void actAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new ActingUser("admin", UserRole.ADMIN, null), null, List.of()));
    }

    @AfterEach
    void actAsNobody() {
        SecurityContextHolder.clearContext();
    }

    /** Ids unique to one test, so tests sharing the store never meet. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
