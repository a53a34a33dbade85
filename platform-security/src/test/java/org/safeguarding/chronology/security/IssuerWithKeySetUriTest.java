package org.safeguarding.chronology.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bearer JWTs the way docker-compose.yml sets the services up with Keycloak: the tokens name an issuer the service
 * cannot reach (issuer-uri, the address clients on the host use) and the keys come from another address
 * (jwk-set-uri, Keycloak on the compose network). Nothing is ever asked of the issuer's address.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerWithKeySetUriTest {

    /** Never resolves (RFC 2606): a token is only accepted if the service never calls it. */
    private static final String ISSUER = "http://keycloak-frontend.invalid/realms/chronology";
    private static final String CERTS = "/realms/chronology/protocol/openid-connect/certs";
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final RSAKey KEY = BearerTokenTest.key("realm-key");
    private static final AtomicInteger KEY_SET_REQUESTS = new AtomicInteger();
    private static final HttpServer KEYCLOAK = BearerTokenTest.serveJson(Map.of(CERTS, () -> {
        KEY_SET_REQUESTS.incrementAndGet();
        return new JWKSet(KEY.toPublicJWK()).toString();
    }));

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.uri("issuer-with-key-set-uri-test"));
        registry.add("chronology.security.admin-password", () -> "admin-password-of-the-tests");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> keycloakBase() + CERTS);
        registry.add("chronology.security.jwt.role-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.stop(0);
    }

    @Test
    void aTokenNamingTheFrontendIssuerIsCheckedWithTheKeysFromTheKeySetUri() {
        String token = BearerTokenTest.token(KEY, ISSUER, Map.of("preferred_username", "police-officer-1",
                "realm_access", Map.of("roles", List.of("default-roles-chronology", "offline_access", "AGENCY")),
                "agency", "police"));
        web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("police-officer-1")
                .jsonPath("$.role").isEqualTo("AGENCY").jsonPath("$.agencyId").isEqualTo("police");
        assertThat(KEY_SET_REQUESTS).as("the keys came from the key set URI").hasPositiveValue();
    }

    @Test
    void aTokenNamingTheBackchannelAddressAsIssuerIsRefused() {
        String token = BearerTokenTest.token(KEY, keycloakBase() + "/realms/chronology", Map.of(
                "preferred_username", "chair-1", "realm_access", Map.of("roles", List.of("CHAIR"))));
        web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    private static String keycloakBase() {
        return "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort();
    }
}
