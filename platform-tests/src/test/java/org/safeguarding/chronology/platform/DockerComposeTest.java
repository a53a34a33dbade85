package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs here: the compose file and the Dockerfiles are checked as text. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsBothServicesOnAMongoReplicaSet() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("mongo", "keycloak", "chronology-service", "query-service", "query-service-2");

        Map<String, Object> mongo = services.get("mongo");
        assertThat(String.join(" ", (List<String>) mongo.get("command"))).contains("--replSet rs0");
        Map<String, Object> health = (Map<String, Object>) mongo.get("healthcheck");
        assertThat(String.join(" ", (List<String>) health.get("test"))).contains("rs.initiate").contains("mongo:27017");
        assertThat(compose).containsKey("volumes");

        assertService(services.get("chronology-service"), "chronology-service", "8081", "8081", "CHRONOLOGY_PORT");
        assertService(services.get("query-service"), "query-service", "8082", "8082", "QUERY_PORT");
        assertService(services.get("query-service-2"), "query-service", "8083", "8082", "QUERY_PORT");
        assertThat(services.get("chronology-service")).as("always started").doesNotContainKey("profiles");
        assertThat(services.get("query-service")).as("always started").doesNotContainKey("profiles");
        assertThat((List<String>) services.get("query-service-2").get("profiles")).containsExactly("two-queries");
    }

    @SuppressWarnings("unchecked")
    private static void assertService(Map<String, Object> service, String name, String hostPort, String port,
                                      String portVariable) throws IOException {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(build.get("context")).isEqualTo(".");
        assertThat((Map<String, String>) build.get("args")).containsEntry("SERVICE", name).containsEntry("PORT", port);
        Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));
        assertThat((List<String>) service.get("ports")).containsExactly(hostPort + ":" + port);
        assertThat(service.get("restart")).as("restarted when it dies").isEqualTo("unless-stopped");
        Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
        assertThat((List<String>) health.get("test"))
                .startsWith("CMD", "curl", "--fail")
                .endsWith("http://localhost:" + port + "/actuator/health");
        assertThat(health).containsKeys("interval", "timeout", "retries", "start_period");
        assertThat(exposedEndpoints(name)).as("the healthcheck's endpoint is exposed").contains("health");
        Map<String, String> environment = (Map<String, String>) service.get("environment");
        assertThat(environment.get("MONGODB_URI")).startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
        assertThat(environment.get(portVariable)).isEqualTo(port);
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        assertThat(dependsOn.get("mongo").get("condition")).isEqualTo("service_healthy");

        List<String> lines = Files.readAllLines(dockerfile);
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).as("multi-stage build").hasSize(2);
        assertThat(lines).anyMatch(l -> l.contains("-pl ${SERVICE} -am package"));
        assertThat(lines).anyMatch(l -> l.contains("COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar"));
        assertThat(lines).contains("EXPOSE ${PORT}");
        // Maven reads every module of the root pom, even for -pl ${SERVICE} -am: all are copied into the build stage
        for (String module : rootModules()) {
            assertThat(lines).contains("COPY " + module + " " + module);
        }
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertThat(user).as("runs as non-root").isNotIn("USER root", "USER 0");
        // the user is set after the last FROM, so it applies to the runtime image
        assertThat(lines.lastIndexOf(user)).isGreaterThan(lastFrom(lines));
        // the runtime image has the healthcheck's curl (the build fails without it)
        assertThat(lines.subList(lastFrom(lines), lines.size())).contains("RUN curl --version >/dev/null");
    }

    @SuppressWarnings("unchecked")
    private static List<String> exposedEndpoints(String service) throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml")));
        Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) config.get("management"))
                .get("endpoints")).get("web");
        String include = (String) ((Map<String, Object>) web.get("exposure")).get("include");
        return List.of(include.split(","));
    }

    private static List<String> rootModules() throws IOException {
        List<String> modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")))
                .results().map(m -> m.group(1).trim()).toList();
        assertThat(modules).contains("chronology-api", "platform-security", "chronology-service", "query-service");
        return modules;
    }

    private static int lastFrom(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("FROM ")) {
                return i;
            }
        }
        return -1;
    }
}
