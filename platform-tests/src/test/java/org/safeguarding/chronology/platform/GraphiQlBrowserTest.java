package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GraphiQL of both services in Debian's headless Chromium with no network beyond this machine: the page renders from
 * what the jar serves, runs a query, shows the docs, and nothing breaks its Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlBrowserTest {

    private static final Path LOGS = Path.of("target", "graphiql-logs");

    /** A user the test logs in as when a service asks for a login; the platform has no users yet. */
    private static final Credentials REVIEWER = null;

    record Credentials(String username, String password) { }

    private Platform platform;
    private Chromium chromium;

    @BeforeAll
    void start() throws Exception {
        if (!Files.isExecutable(Chromium.EXECUTABLE)) {
            if (System.getenv("CI") != null) {
                fail(Chromium.EXECUTABLE + " is missing; .ci/run installs Debian's chromium package");
            }
            Assumptions.abort(Chromium.EXECUTABLE + " is missing (apt-get install chromium); skipped outside CI");
        }
        platform = Platform.onMemoryStore(LOGS);
        chromium = Chromium.launch(LOGS.resolve("chromium.log"));
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void commandsPageRunsAMutation() throws Exception {
        Chromium.Page page = graphiQl(platform.commandPort, """
                mutation {
                  registerAgency(input: {id: "browser-hv", name: "Health Visiting", sector: HEALTH}) { id name sector }
                }""");
        String result = run(page);
        assertThat(result).contains("\"name\": \"Health Visiting\"").contains("\"sector\": \"HEALTH\"");
        assertNothingWentWrong(page, "commands");
    }

    @Test
    void queriesPageRunsAQueryAndShowsTheDocs() throws Exception {
        platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                object("input", object("id", "browser-police", "name", "Police", "sector", "POLICE")));
        awaitAgency("browser-police");

        Chromium.Page page = graphiQl(platform.queryPort, "{ agency(id: \"browser-police\") { id name sector } }");
        String result = run(page);
        assertThat(result).contains("\"name\": \"Police\"").contains("\"sector\": \"POLICE\"");

        page.click("button[aria-label='Show Documentation Explorer']");
        page.waitFor("document.querySelector('.graphiql-doc-explorer-title')?.innerText === 'Docs'", "the docs");
        clickLink(page, ".graphiql-doc-explorer-type-name", "ChronologyEntry");
        page.waitFor("document.querySelector('.graphiql-doc-explorer-title')?.innerText === 'ChronologyEntry'",
                "the docs of ChronologyEntry");
        assertThat(fieldDoc(page, "knownAt")).isEqualTo("when the recording agency itself came to know it");
        assertThat(fieldDoc(page, "occurredAt")).isEqualTo("when it happened");
        assertNothingWentWrong(page, "queries");
    }

    /** GraphiQL of the service on this port with the query in its editor, logged in first if the service asks. */
    private Chromium.Page graphiQl(int port, String query) {
        Chromium.Page page = chromium.open();
        String url = "http://localhost:" + port + "/graphiql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        page.navigate(url);
        if (page.evaluate("location.pathname").asText().equals("/login")) {
            if (REVIEWER == null) {
                fail("port " + port + " asks for a login, and the test has no user: set REVIEWER");
            }
            logIn(page, REVIEWER.username(), REVIEWER.password());
        }
        assertThat(page.evaluate("location.pathname").asText()).isEqualTo("/graphiql");
        page.waitFor("document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror.getValue()",
                "GraphiQL to render instead of Loading...");
        assertThat(page.evaluate("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()")
                .asText()).isEqualTo(query);
        return page;
    }

    /** Spring Security's login form: fields username and password, back to the page asked for once logged in. */
    private static void logIn(Chromium.Page page, String username, String password) {
        page.click("input[name='username']");
        page.type(username);
        page.click("input[name='password']");
        page.type(password);
        page.click("button[type='submit'], input[type='submit']");
        page.waitFor("location.pathname === '/graphiql' && document.readyState === 'complete'",
                "the login to lead back to /graphiql");
    }

    /** Clicks the run button and answers the result pane's text once it shows an answer. */
    private static String run(Chromium.Page page) {
        page.click(".graphiql-execute-button");
        return page.waitFor("""
                (() => { const text = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue();
                  return text && text.includes('"data"') ? text : null; })()""", "the result pane to show data").asText();
    }

    private static void clickLink(Chromium.Page page, String selector, String text) {
        String mark = "data-test-click";
        page.waitFor("""
                (() => { const link = [...document.querySelectorAll(%s)].find(e => e.innerText === %s);
                  if (link) link.setAttribute('%s', ''); return !!link; })()""".formatted(
                quoted(selector), quoted(text), mark), "a link " + text);
        page.click(selector + "[" + mark + "]");
        page.evaluate("document.querySelector('[%s]')?.removeAttribute('%s')".formatted(mark, mark));
    }

    /** The description the docs explorer shows under a field of the type it shows. */
    private static String fieldDoc(Chromium.Page page, String field) {
        return page.waitFor("""
                (() => { const item = [...document.querySelectorAll('.graphiql-doc-explorer-item')]
                    .find(i => i.querySelector('.graphiql-doc-explorer-field-name')?.innerText === %s);
                  return item?.querySelector('.graphiql-markdown-description')?.innerText.trim(); })()""".formatted(
                quoted(field)), "the description of " + field).asText();
    }

    private static String quoted(String s) {
        return GraphQlClient.Json.string(s);
    }

    /** No console error, exception, failed request or CSP violation; every request to this machine. */
    private static void assertNothingWentWrong(Chromium.Page page, String service) throws Exception {
        Files.write(LOGS.resolve(service + "-graphiql.png"), page.screenshot());
        assertThat(page.problems()).as("what went wrong in the page").isEmpty();
        assertThat(page.requests).as("the page's requests").isNotEmpty()
                .anyMatch(url -> url.endsWith("/graphql"))
                .allSatisfy(url -> assertThat(URI.create(url).getHost()).as(url).isIn("localhost", "127.0.0.1"));
    }

    private void awaitAgency(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (platform.queries.postOk("query($id: ID!) { agency(id: $id) { id } }", object("id", id))
                .contains("\"agency\":null")) {
            if (Instant.now().isAfter(deadline)) {
                fail("agency " + id + " not in query-service after 30 s");
            }
            Thread.sleep(100);
        }
    }
}
