package org.safeguarding.chronology.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bearer JWTs the way a deployment sets the resource server up: an OIDC issuer (here a small HTTP server publishing
 * its discovery document and its key set, as Keycloak does) named by {@code issuer-uri}, and the claims naming the
 * user configured (here Keycloak's: realm roles and a user attribute).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenTest {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final RSAKey KEY = key("issuer-key");
    private static final RSAKey STRANGER = key("stranger-key");
    private static final HttpServer ISSUER = issuer();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.uri("bearer-token-test"));
        registry.add("chronology.security.admin-password", () -> "admin-password-of-the-tests");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", BearerTokenTest::issuerUri);
        registry.add("chronology.security.jwt.role-claim", () -> "realm_access.roles");
        registry.add("chronology.security.jwt.agency-claim", () -> "agency");
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    @Test
    void aTokenOfTheIssuerNamesTheUserItsRoleAndItsAgency() {
        String token = token(KEY, issuerUri(), Map.of("preferred_username", "police-officer-2",
                "realm_access", Map.of("roles", List.of("offline_access", "agency")), "agency", "police"));
        web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("police-officer-2")
                .jsonPath("$.role").isEqualTo("AGENCY").jsonPath("$.agencyId").isEqualTo("police");
    }

    @Test
    void aChairsTokenHasNoAgency() {
        String token = token(KEY, issuerUri(), Map.of("preferred_username", "chair-1",
                "realm_access", Map.of("roles", List.of("CHAIR")), "agency", "police"));
        web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("CHAIR").jsonPath("$.agencyId").doesNotExist();
    }

    @Test
    void aTokenSignedByAnotherKeyFromAnotherIssuerExpiredOrWithoutARoleIsRefusedWith401() {
        Map<String, Object> claims = Map.of("preferred_username", "x", "realm_access", Map.of("roles", List.of("ADMIN")));
        for (String token : List.of(token(STRANGER, issuerUri(), claims), token(KEY, "http://elsewhere.invalid", claims),
                expired(claims), token(KEY, issuerUri(), Map.of("preferred_username", "x")),
                token(KEY, issuerUri(), Map.of("preferred_username", "x", "realm_access", Map.of("roles", List.of("agency")))))) {
            web.get().uri("/whoami").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void noCredentialsIs401AndBasicStillWorks() {
        web.get().uri("/whoami").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.data").doesNotExist();
        web.get().uri("/whoami").headers(h -> h.setBasicAuth("admin", "admin-password-of-the-tests")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("ADMIN");
        web.get().uri("/whoami").headers(h -> h.setBasicAuth("admin", "wrong-password-here")).exchange()
                .expectStatus().isUnauthorized();
    }

    private static String expired(Map<String, Object> claims) {
        return sign(KEY, builder(issuerUri(), claims).issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
    }

    static String token(RSAKey key, String issuer, Map<String, Object> claims) {
        return sign(key, builder(issuer, claims).build());
    }

    private static JWTClaimsSet.Builder builder(String issuer, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("subject-1")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(builder::claim);
        return builder;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuerUri() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/chronology";
    }

    private static HttpServer issuer() {
        return serveJson(Map.of(
                "/realms/chronology/.well-known/openid-configuration", () -> "{\"issuer\":\"" + issuerUri()
                        + "\",\"jwks_uri\":\"" + issuerUri() + "/certs\",\"subject_types_supported\":[\"public\"]}",
                "/realms/chronology/certs", () -> new JWKSet(KEY.toPublicJWK()).toString()));
    }

    /** A server on a free port of 127.0.0.1 answering each path with its JSON. */
    static HttpServer serveJson(Map<String, Supplier<String>> bodies) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            bodies.forEach((path, body) -> server.createContext(path, exchange -> {
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            }));
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
