package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.access.UserRole;
import org.yaml.snakeyaml.Yaml;

/**
 * The Keycloak of docker-compose.yml and its realm export, checked as text (no Docker engine runs here): the realm's
 * roles, users and client give the tokens the claims the services read, and compose points the services at it.
 */
class KeycloakRealmTest {

    private static final Path ROOT = Path.of("..");
    private static final String REALM_FILE = "keycloak/realm-chronology.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+):([^}]*)}");

    private final JsonNode realm = new ObjectMapper().readTree(ROOT.resolve(REALM_FILE).toFile());
    private final Map<String, Map<String, Object>> services = services();

    KeycloakRealmTest() throws IOException {
    }

    @Test
    void theRealmHasThePlatformsRolesAndAUserOfEachReviewRoleAndAnAgency() {
        assertThat(realm.path("realm").asText()).isEqualTo("chronology");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(names(realm.path("roles").path("realm"), "name"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(UserRole.values()).map(Enum::name).toList());

        assertThat(user("chair-1").path("realmRoles")).extracting(JsonNode::asText).containsExactly("CHAIR");
        assertThat(user("reviewer-1").path("realmRoles")).extracting(JsonNode::asText).containsExactly("REVIEWER");
        JsonNode police = user("police-officer-1");
        assertThat(police.path("realmRoles")).extracting(JsonNode::asText).containsExactly("AGENCY");
        // the demo case's police agency
        assertThat(police.path("attributes").path("agency")).extracting(JsonNode::asText).containsExactly("police");

        for (JsonNode user : realm.path("users")) {
            String name = user.path("username").asText();
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(user.path("realmRoles")).as(name + " has one role of the platform").hasSize(1);
            if (user.path("realmRoles").get(0).asText().equals("AGENCY")) {
                assertThat(user.path("attributes").path("agency")).as(name + "'s agency").hasSize(1);
            }
            // Keycloak's default user profile requires these before it issues a token by the password grant
            for (String field : List.of("firstName", "lastName", "email")) {
                assertThat(user.path(field).asText()).as(name + " " + field).isNotBlank();
            }
            JsonNode credentials = user.path("credentials");
            assertThat(credentials).as(name).hasSize(1);
            assertThat(credentials.get(0).path("type").asText()).isEqualTo("password");
            assertThat(credentials.get(0).path("temporary").asBoolean()).isFalse();
            assertThat(credentials.get(0).path("value").asText()).as("marked as a development password").startsWith("dev-only-");
        }
    }

    @Test
    void theCliClientTakesPasswordsAndItsTokensCarryTheClaimsTheServicesRead() throws IOException {
        JsonNode client = find(realm.path("clients"), "clientId", "chronology-cli");
        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).as("a public client, no secret").isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("the password grant").isTrue();
        assertThat(client.path("fullScopeAllowed").asBoolean(true)).as("the user's realm roles reach the token").isTrue();
        assertThat(Files.readString(ROOT.resolve(REALM_FILE)).toLowerCase()).as("no secret but the dev passwords")
                .doesNotContain("secret").doesNotContain("privatekey");

        for (String service : List.of("chronology-service", "query-service")) {
            Map<String, String> claims = claimNames(service);
            JsonNode username = mapper(client, "oidc-usermodel-attribute-mapper", claims.get("username-claim"));
            assertThat(username.path("config").path("user.attribute").asText()).isEqualTo("username");
            JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper", claims.get("role-claim"));
            assertThat(roles.path("config").path("multivalued").asText()).isEqualTo("true");
            JsonNode agency = mapper(client, "oidc-usermodel-attribute-mapper", claims.get("agency-claim"));
            assertThat(agency.path("config").path("user.attribute").asText()).isEqualTo("agency");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsKeycloakWithTheRealmAndTheServicesTakeItsTokens() {
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat((String) keycloak.get("image")).matches("quay\\.io/keycloak/keycloak:26\\.\\d+\\.\\d+");
        assertThat((List<String>) keycloak.get("command")).containsExactly("start-dev", "--import-realm");
        assertThat((List<String>) keycloak.get("volumes"))
                .contains("./" + REALM_FILE + ":/opt/keycloak/data/import/realm-chronology.json:ro");
        Map<String, String> environment = (Map<String, String>) keycloak.get("environment");
        assertThat(environment).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true").containsEntry("KC_HEALTH_ENABLED", "true");
        Map<String, Object> health = (Map<String, Object>) keycloak.get("healthcheck");
        assertThat(String.join(" ", (List<String>) health.get("test"))).contains("/dev/tcp/127.0.0.1/9000", "GET /health/ready");
        assertThat(health).containsKeys("interval", "timeout", "retries", "start_period");
        String[] port = ((List<String>) keycloak.get("ports")).get(0).split(":");
        assertThat(port).as("published on this machine only").hasSize(3).startsWith("127.0.0.1");

        URI frontend = URI.create(environment.get("KC_HOSTNAME"));
        assertThat(frontend.getHost()).isEqualTo("localhost");
        assertThat(String.valueOf(frontend.getPort())).as("the address a client on the host uses").isEqualTo(port[1]);
        String realmPath = "/realms/" + realm.path("realm").asText();
        for (String name : List.of("chronology-service", "query-service", "query-service-2")) {
            Map<String, Object> service = services.get(name);
            Map<String, String> env = (Map<String, String>) service.get("environment");
            assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).as(name + ": the tokens' iss")
                    .isEqualTo(frontend + realmPath);
            assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")).as(name + ": the keys, over the compose network")
                    .isEqualTo("http://keycloak:" + port[2] + realmPath + "/protocol/openid-connect/certs");
            assertThat(env).as(name).containsEntry("OIDC_ROLE_CLAIM", "realm_access.roles");
            assertThat((Map<String, Object>) service.get("depends_on")).as(name + " works without Keycloak")
                    .doesNotContainKey("keycloak");
        }
    }

    /** The claim names a service reads under compose: its application.yml with compose's environment. */
    @SuppressWarnings("unchecked")
    private Map<String, String> claimNames(String service) throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml")));
        Map<String, Object> jwt = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) config.get("chronology"))
                .get("security")).get("jwt");
        Map<String, String> environment = (Map<String, String>) services.get(service).get("environment");
        Map<String, String> claims = new HashMap<>();
        jwt.forEach((key, value) -> {
            Matcher placeholder = PLACEHOLDER.matcher((String) value);
            claims.put(key, placeholder.matches()
                    ? environment.getOrDefault(placeholder.group(1), placeholder.group(2)) : (String) value);
        });
        assertThat(claims).containsOnlyKeys("username-claim", "role-claim", "agency-claim");
        return claims;
    }

    private static JsonNode mapper(JsonNode client, String type, String claim) {
        List<JsonNode> found = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
                .filter(m -> m.path("protocolMapper").asText().equals(type))
                .filter(m -> m.path("config").path("claim.name").asText().equals(claim))
                .toList();
        assertThat(found).as("a " + type + " emitting " + claim).hasSize(1);
        assertThat(found.get(0).path("config").path("access.token.claim").asText()).as(claim + " in the access token")
                .isEqualTo("true");
        return found.get(0);
    }

    private JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> found = StreamSupport.stream(array.spliterator(), false)
                .filter(node -> node.path(field).asText().equals(value)).toList();
        assertThat(found).as(field + " " + value).hasSize(1);
        return found.get(0);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }
}
