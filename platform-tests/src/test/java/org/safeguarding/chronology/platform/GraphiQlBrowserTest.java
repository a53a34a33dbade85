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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GraphiQL of both services in Debian's headless Chromium with no network beyond this machine: a browser not logged in
 * gets the login form; once a chair has logged in, the page renders from what the jar serves, runs what the chair may
 * run, shows the docs, and nothing breaks its Content-Security-Policy, on the login page either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQlBrowserTest {

    private static final Path LOGS = Path.of("target", "graphiql-logs");

    /** The user who logs in: the chair of a review, created by the admin. */
    private static final Credentials CHAIR = new Credentials("browser-chair", "browser-" + UUID.randomUUID());

    /**
     * Spring Security's default login page names no icon, so the browser asks for /favicon.ico, which the services do
     * not have (the GraphiQL page names its own icon).
     */
    private static final String LOGIN_PAGE_FAVICON =
            "network error: Failed to load resource: the server responded with a status of 404 \\(\\) http://localhost:\\d+/favicon.ico";

    private Platform platform;
    private Chromium chromium;

    @BeforeAll
    void start() throws Exception {
        ChromiumInstalled.assume();
        platform = Platform.onMemoryStore(LOGS);
        createUser(CHAIR.username(), CHAIR.password(), "CHAIR");
        createUser("browser-reviewer", "browser-" + UUID.randomUUID(), "REVIEWER");
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
    void theChairLogsInAndAddsAMemberToItsReview() throws Exception {
        platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", "browser-child", "displayName", "Child A")));
        platform.commands.postOk("mutation($input: CommissionReviewInput!) { commissionReview(input: $input) { id } }",
                object("input", object("id", "browser-review", "type", "RAPID_REVIEW", "childIds", List.of("browser-child"),
                        "scopeFrom", "2024-01-01", "scopeTo", "2024-05-31", "chair", CHAIR.username(),
                        "commissionedAt", "2024-06-03T09:00:00Z")));
        Chromium.Page page = graphiQl(platform.commandPort, """
                mutation {
                  addReviewMember(input: {reviewId: "browser-review", username: "browser-reviewer"}) {
                    id dueBy members { username role }
                  }
                }""");
        String result = run(page);
        assertThat(result).contains("\"dueBy\": \"2024-06-24\"").contains("\"username\": \"browser-reviewer\"");
        assertNothingWentWrong(page, "commands");
    }

    @Test
    void queriesPageRunsAQueryAndShowsTheDocs() throws Exception {
        platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                object("input", object("id", "browser-police", "name", "Police", "sector", "POLICE")));
        awaitAgency("browser-police");

        Chromium.Page page = graphiQl(platform.queryPort,
                "{ me { username role } agency(id: \"browser-police\") { id name sector } }");
        String result = run(page);
        assertThat(result).contains("\"username\": \"browser-chair\"").contains("\"role\": \"CHAIR\"")
                .contains("\"name\": \"Police\"").contains("\"sector\": \"POLICE\"");

        page.click("button[aria-label='Show Documentation Explorer']");
        page.waitFor("document.querySelector('.graphiql-doc-explorer-title')?.innerText === 'Docs'", "the docs");
        clickLink(page, ".graphiql-doc-explorer-type-name", "ChronologyEntry");
        page.waitFor("document.querySelector('.graphiql-doc-explorer-title')?.innerText === 'ChronologyEntry'",
                "the docs of ChronologyEntry");
        assertThat(fieldDoc(page, "knownAt")).isEqualTo("when the recording agency itself came to know it");
        assertThat(fieldDoc(page, "occurredAt")).isEqualTo("when it happened");
        assertNothingWentWrong(page, "queries");
    }

    /**
     * GraphiQL of the service on this port with the query in its editor, once the chair has logged in through the
     * login page it is sent to first.
     */
    private Chromium.Page graphiQl(int port, String query) {
        Chromium.Page page = chromium.open();
        String url = "http://localhost:" + port + "/graphiql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        page.navigate(url);
        assertThat(page.evaluate("location.pathname").asText()).as("where GraphiQL sends a browser not logged in")
                .isEqualTo("/login");
        assertThat(page.evaluate("""
                !!document.querySelector("form input[name='username']") && !!document.querySelector("form input[name='password']")
                  && !document.querySelector('.graphiql-container')""").asBoolean()).as("the login form, not GraphiQL").isTrue();
        assertThat(problems(page)).as("what went wrong on the login page").isEmpty();
        page.logIn(CHAIR.username(), CHAIR.password(), "/graphiql");
        assertThat(page.evaluate("location.pathname").asText()).isEqualTo("/graphiql");
        page.waitFor("document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror.getValue()",
                "GraphiQL to render instead of Loading...");
        assertThat(page.evaluate("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()")
                .asText()).isEqualTo(query);
        return page;
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
        assertThat(problems(page)).as("what went wrong in the page").isEmpty();
        assertThat(page.requests).as("the page's requests").isNotEmpty()
                .anyMatch(url -> url.endsWith("/graphql"))
                .allSatisfy(url -> assertThat(URI.create(url).getHost()).as(url).isIn("localhost", "127.0.0.1"));
    }

    private static List<String> problems(Chromium.Page page) {
        return page.problems().stream().filter(problem -> !problem.matches(LOGIN_PAGE_FAVICON)).toList();
    }

    private void createUser(String username, String password, String role) {
        platform.commands.postOk("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }",
                object("input", object("username", username, "password", password, "role", role)));
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
