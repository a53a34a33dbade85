package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chair's timeline in Debian's headless Chromium with no network beyond this machine, on the demo case loaded as
 * ./run.sh --demo loads it: the login first, then the lanes, the horizon (from the address, the date control and a
 * drag), one agency's view, a summary that is markup shown as text, the details of an entry by keyboard, and a child
 * of 10,000 entries, whose render times are logged (a figure, not an assertion). What the page shows is compared with
 * what the test reads from the same GraphQL API itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelineBrowserTest {

    private static final Path LOGS = Path.of("target", "timeline-logs");
    private static final Path SCREENSHOTS = Path.of("target", "timeline-screenshots");
    private static final String HORIZON = "2019-05-01T00:00:00Z";
    private static final String MARKUP = "<script>alert(1)</script> Mother's account <b>not</b> checked.";
    private static final String LARGE_CHILD = "timeline-large";
    private static final int LARGE_ENTRIES = 10_000;
    /** The table view's rows of entries (its header row names no entry). */
    private static final String ROWS = "#entries [role=row][data-entry-id]";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** As in GraphiQlBrowserTest: Spring Security's login page names no icon. */
    private static final String LOGIN_PAGE_FAVICON =
            "network error: Failed to load resource: the server responded with a status of 404 \\(\\) http://localhost:\\d+/favicon.ico";

    private Platform platform;
    private Chromium chromium;
    private Chromium.Page page;
    private GraphQlClient chair;

    @BeforeAll
    void start() throws Exception {
        ChromiumInstalled.assume();
        platform = Platform.onMemoryStore(LOGS);
        DemoCase demo = new DemoCase(platform.commands);
        Map<String, String> entryIds = demo.load();
        DemoUsers users = DemoUsers.ensure(platform.commands, LOGS.resolve("demo-users"));
        new DemoReview(platform.commands, users, entryIds).load();
        chair = platform.queries.as(users.credentials(DemoUsers.CHAIR));
        platform.commands.postOk("""
                mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId } }""",
                object("input", object("childId", DemoCase.CHILD, "agencyId", "gp", "sourceRef", "GP-MARKUP-1",
                        "kind", "APPOINTMENT_ATTENDED", "occurredAt", "2019-04-20T10:00:00Z",
                        "knownAt", "2019-04-20T10:00:00Z", "summary", MARKUP, "significance", "ROUTINE")));
        loadLargeChild();
        demo.awaitVisible(platform.queries);
        awaitEntries(LARGE_CHILD, LARGE_ENTRIES);
        awaitEntries(DemoCase.CHILD, ids(chronology(DemoCase.CHILD, "", "")).size());
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.launch(LOGS.resolve("chromium.log"));
        page = chromium.open();
        logIn(users.credentials(DemoUsers.CHAIR));
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

    /** Not logged in, the login form; logged in, back to the timeline with its address. */
    private void logIn(Credentials user) {
        page.navigate(url("childId=" + DemoCase.CHILD));
        assertThat(page.evaluate("location.pathname").asText()).as("where the timeline sends a browser not logged in")
                .isEqualTo("/login");
        assertThat(page.evaluate("!!document.querySelector(\"form input[name='password']\") && !document.getElementById('timeline')")
                .asBoolean()).as("the login form, not the timeline").isTrue();
        page.logIn(user.username(), user.password(), "/timeline");
        assertThat(page.evaluate("location.search").asText()).isEqualTo("?childId=" + DemoCase.CHILD);
    }

    @Test
    @Order(1)
    void oneLanePerAgencyNamedByTheAgency() throws Exception {
        open("childId=" + DemoCase.CHILD);
        List<String> names = strings("[...document.querySelectorAll('.vis-label .lane-name')].map(e => e.textContent)");
        JsonNode involvement = JSON.readTree(chair.postOk(
                "query($c: ID!) { involvement(childId: $c) { agency { name } } }", object("c", DemoCase.CHILD)))
                .at("/data/involvement");
        List<String> expected = new ArrayList<>(List.of("Child A's age"));
        involvement.forEach(i -> expected.add(i.at("/agency/name").asText()));
        assertThat(names).containsExactlyElementsOf(expected).contains("Police", "GP Practice", "Hospital Emergency Department");
        assertThat(strings("[...document.querySelectorAll('.vis-item.involvement .band-label')].map(e => e.textContent)"))
                .as("involvement bands").isNotEmpty();
        assertThat(shownIds()).as("the table: every entry").isEqualTo(ids(chronology(DemoCase.CHILD, "", "")));
        assertThat(strings("""
                [...document.querySelectorAll('#entries[role=table] > [role=rowgroup] > [role=row] > [role=columnheader]')]
                  .map(e => e.textContent)""")).as("the table view's headers, as a screen reader reads them")
                .containsExactly("Occurred", "Child's age", "Agency", "Kind", "Significance", "Summary", "At the horizon");
        assertThat(strings("""
                [...document.querySelectorAll('#entry-rows > [role=rowgroup] > [role=row]')]
                  .map(r => [...r.children].map(c => c.getAttribute('role')).join(' '))""")).as("every row: a header, six cells")
                .hasSize(shownIds().size()).containsOnly("rowheader cell cell cell cell cell cell");
        assertThat(timelineIds("")).as("the timeline: every entry").isEqualTo(shownIds());
        assertThat(strings("[...document.querySelectorAll('.vis-item.age')].map(e => e.textContent)"))
                .as("the child's age along the axis").contains("born 10/01/2019", "3 months", "1 year");
        assertNothingWentWrong("whole-case");
    }

    @Test
    @Order(2)
    void theHorizonInTheAddressFadesWhatNobodyKnewThen() throws Exception {
        open("childId=" + DemoCase.CHILD + "&horizon=" + HORIZON);
        assertFadedAsTheRecordSays(HORIZON, true);
        assertThat(page.evaluate("document.getElementById('horizon').value").asText()).startsWith("2019-05-01T00:00");
        assertThat(page.evaluate("document.querySelector('.vis-custom-time.horizon') !== null").asBoolean())
                .as("the horizon marker").isTrue();
        assertThat(page.evaluate("document.getElementById('patterns').innerText").asText())
                .as("the patterns holding on 1 May 2019").contains("Domestic abuse baby no enquiry");
        assertThat(strings("[...document.querySelectorAll('.vis-item.entry .entry-content.evidence')].map(e => e.dataset.entryId)"))
                .as("the patterns' evidence marked on the timeline").isNotEmpty();
        assertThat(page.evaluate("document.getElementById('household').innerText").asText())
                .as("the household and the unseen men on 1 May 2019").contains("person-male-adult-1").contains("Unseen men");
        assertNothingWentWrong("horizon-2019-05-01");
    }

    @Test
    @Order(3)
    void theDateControlAndTheMarkerMoveTheHorizon() throws Exception {
        open("childId=" + DemoCase.CHILD);
        assertThat(strings("[...document.querySelectorAll('" + ROWS + ".not-known')].map(r => r.dataset.entryId)"))
                .as("no horizon: everything is known to its own agency at least").isEmpty();
        page.evaluate("""
                (() => { const input = document.getElementById('horizon'); input.value = '2019-05-01T00:00';
                  input.dispatchEvent(new Event('change', {bubbles: true})); })()""");
        awaitQuiet();
        assertThat(page.evaluate("location.search").asText()).isEqualTo("?childId=child-a&horizon=2019-05-01T00%3A00%3A00Z");
        assertFadedAsTheRecordSays(HORIZON, true);

        // drag the marker rightwards: the statuses follow it, and the view stays where it was
        List<String> window = shownWindow();
        JsonNode bar = page.evaluate("""
                (() => { const r = document.querySelector('.vis-custom-time.horizon').getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + 40]; })()""");
        page.drag(bar.get(0).asDouble(), bar.get(1).asDouble(), bar.get(0).asDouble() + 120, bar.get(1).asDouble(), 12);
        awaitQuiet();
        String dragged = page.evaluate("new URLSearchParams(location.search).get('horizon')").asText();
        assertThat(Instant.parse(dragged)).as("the horizon after the drag").isAfter(Instant.parse(HORIZON));
        assertThat(shownWindow()).as("the window after dragging the marker (not panned)").isEqualTo(window);
        assertFadedAsTheRecordSays(dragged, false);

        // a drag along the axis pans the view and leaves the horizon where it is
        JsonNode axis = page.evaluate("""
                (() => { const r = document.querySelector('.vis-time-axis.vis-foreground').getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + r.height / 2]; })()""");
        page.drag(axis.get(0).asDouble(), axis.get(1).asDouble(), axis.get(0).asDouble() - 150, axis.get(1).asDouble(), 10);
        page.waitFor("document.getElementById('timeline').dataset.windowStart !== '%s'".formatted(window.get(0)),
                "the view to pan after a drag along the axis");
        assertThat(Instant.parse(shownWindow().get(0))).as("the window's start after panning").isAfter(Instant.parse(window.get(0)));
        assertThat(page.evaluate("new URLSearchParams(location.search).get('horizon')").asText()).isEqualTo(dragged);
        System.out.println("timeline: horizon drag on the demo case, ms per step: "
                + page.evaluate("window.timelineFigures.horizon.map(Math.round)"));
        assertNothingWentWrong("horizon-dragged");
    }

    @Test
    @Order(4)
    void anAgencysViewIsWhatTheChronologyGivesForIt() throws Exception {
        open("childId=" + DemoCase.CHILD + "&knownBy=gp");
        assertThat(shownIds()).as("the GP's view in the table").isEqualTo(ids(chronology(DemoCase.CHILD, "gp", "")))
                .isNotEqualTo(ids(chronology(DemoCase.CHILD, "", "")));
        assertThat(timelineIds("")).as("the GP's view on the timeline").isEqualTo(shownIds());
        open("childId=" + DemoCase.CHILD + "&horizon=" + HORIZON + "&knownBy=gp");
        assertThat(shownIds()).as("what the GP knew on 1 May 2019")
                .isEqualTo(ids(chronology(DemoCase.CHILD, "gp", HORIZON)));
        assertThat(page.evaluate("document.getElementById('known-by').value").asText()).isEqualTo("gp");

        page.evaluate("""
                (() => { const select = document.getElementById('known-by'); select.value = 'police';
                  select.dispatchEvent(new Event('change', {bubbles: true})); })()""");
        awaitQuiet();
        assertThat(page.evaluate("new URLSearchParams(location.search).get('knownBy')").asText()).isEqualTo("police");
        assertThat(shownIds()).as("what the police knew on 1 May 2019")
                .isEqualTo(ids(chronology(DemoCase.CHILD, "police", HORIZON)));
        assertNothingWentWrong("known-by-gp");
    }

    @Test
    @Order(5)
    void aSummaryOfMarkupIsShownAsText() throws Exception {
        open("childId=" + DemoCase.CHILD);
        String id = page.waitFor("""
                [...document.querySelectorAll('%s')].find(r => r.querySelector('.summary-cell').textContent === %s)?.dataset.entryId
                """.formatted(ROWS, GraphQlClient.Json.string(MARKUP)), "the entry with markup in its summary in the table").asText();
        assertThat(page.evaluate("[...document.querySelectorAll('.vis-item .entry-content')].find(e => e.dataset.entryId === '%s')?.querySelector('.summary').textContent"
                .formatted(id)).asText()).as("the item's summary on the timeline").isEqualTo(MARKUP);
        assertThat(page.evaluate("document.querySelectorAll('script').length").asInt()).as("the page's own scripts only").isEqualTo(2);
        assertThat(page.evaluate("document.querySelectorAll('#timeline b, #entries b').length").asInt()).isZero();
        // clicked on the timeline itself, not in the table
        page.click(".vis-item.entry .entry-content[data-entry-id='%s'] .summary".formatted(id));
        page.waitFor("document.getElementById('details').dataset.entryId === '%s'".formatted(id), "the details of the entry");
        assertThat(page.evaluate("document.querySelector('#details .summary-text').textContent").asText()).isEqualTo(MARKUP);
        assertNothingWentWrong("markup-as-text");
    }

    @Test
    @Order(6)
    void theKeyboardMovesBetweenEntriesAndEnterShowsTheDetails() throws Exception {
        open("childId=" + DemoCase.CHILD);
        List<String> all = new ArrayList<>(ids(chronology(DemoCase.CHILD, "", "")));
        page.evaluate("document.getElementById('timeline').focus()");
        page.press("ArrowRight", 39);
        page.press("ArrowRight", 39);
        page.press("Enter", 13);
        page.waitFor("document.getElementById('details').dataset.entryId === '%s'".formatted(all.get(2)),
                "the third entry's details after two presses of the right arrow");
        assertThat(page.evaluate("document.activeElement.dataset.entryId || document.activeElement.id").asText())
                .as("the element with the keyboard's focus").isEqualTo(all.get(2));
        // the roving tab stop: the entry the keyboard is on is the one entry Tab reaches
        assertThat(strings("[...document.querySelectorAll('.entry-content[tabindex=\"0\"]')].map(e => e.dataset.entryId)"))
                .containsExactly(all.get(2));
        // the police's domestic abuse entry: corrected once, shared twice
        String policeEntry = JSON.readTree(chronology(DemoCase.CHILD, "", "")).at("/data/chronology/edges").findValues("node")
                .stream().filter(n -> n.path("kind").asText().equals("DOMESTIC_ABUSE_INCIDENT")).findFirst().orElseThrow()
                .path("id").asText();
        page.click(dateButtonInTheTable(policeEntry));
        page.waitFor("document.getElementById('details').dataset.entryId === '%s'".formatted(policeEntry), "its details");
        String details = page.evaluate("document.getElementById('details').innerText").asText();
        assertThat(details).contains("Version 1").contains("Version 2").contains("Times transposed")
                .contains("Children's Social Care since 15/04/2019 08:30, shared (Electronic)")
                .contains("Health Visiting Service since 16/04/2019 14:00, shared (Verbal)");
        assertNothingWentWrong("details");
    }

    @Test
    @Order(7)
    void aChildOfTenThousandEntries() throws Exception {
        page.navigate(url("childId=" + LARGE_CHILD));
        page.waitFor("document.body.dataset.loaded === 'all'", "all 10,000 entries");
        JsonNode figures = page.evaluate("window.timelineFigures");
        assertThat(figures.path("entries").asInt()).isEqualTo(LARGE_ENTRIES);
        awaitQuiet();
        page.click("#horizon-here");
        awaitQuiet();
        JsonNode bar = page.evaluate("""
                (() => { const r = document.querySelector('.vis-custom-time.horizon').getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + 40]; })()""");
        page.drag(bar.get(0).asDouble(), bar.get(1).asDouble(), bar.get(0).asDouble() - 200, bar.get(1).asDouble(), 10);
        awaitQuiet();
        JsonNode steps = page.evaluate("window.timelineFigures.horizon.map(Math.round)");
        JsonNode settled = page.evaluate("window.timelineFigures.horizonSet.map(Math.round)");
        System.out.printf("timeline: child of %d entries: first page drawn %.0f ms after navigation, all entries %.0f ms;"
                        + " horizon drag, ms per step: %s; the table following each set horizon, ms: %s%n", LARGE_ENTRIES,
                figures.path("firstRender").asDouble(), figures.path("allEntries").asDouble(), steps, settled);
        Files.writeString(LOGS.resolve("large-child-figures.json"), page.evaluate("JSON.stringify(window.timelineFigures)").asText());
        assertThat(shownIds()).hasSize(LARGE_ENTRIES);
        assertNothingWentWrong("ten-thousand-entries");
    }

    // ---- what the page shows ----

    private void open(String query) {
        page.navigate(url(query));
        awaitQuiet();
    }

    private String url(String query) {
        return "http://localhost:" + platform.queryPort + "/timeline?" + query;
    }

    /** All entries read, and no request of the page still open. */
    private void awaitQuiet() {
        page.waitFor("document.body.dataset.loaded === 'all' && document.body.dataset.busy === 'false'",
                "the timeline to read every entry");
        page.waitFor("new Promise(r => requestAnimationFrame(() => setTimeout(() => r(document.body.dataset.busy === 'false'), 50)))",
                "the timeline to settle");
    }

    /** The start and end of the window the timeline shows. */
    private List<String> shownWindow() {
        return strings("[document.getElementById('timeline').dataset.windowStart, document.getElementById('timeline').dataset.windowEnd]");
    }

    private static String dateButtonInTheTable(String entryId) {
        return "#entries [role=row][data-entry-id='" + entryId + "'] [role=rowheader] button";
    }

    /** The ids of the table's rows that are shown, in their order. */
    private Set<String> shownIds() {
        return new LinkedHashSet<>(strings("[...document.querySelectorAll('" + ROWS + ":not([hidden])')].map(r => r.dataset.entryId)"));
    }

    /** The ids of the entries drawn on the timeline with this class (all when blank), sorted. */
    private Set<String> timelineIds(String className) {
        return new TreeSet<>(strings("[...document.querySelectorAll('.vis-item.entry .entry-content%s')].map(e => e.dataset.entryId)"
                .formatted(className.isEmpty() ? "" : "." + className)));
    }

    private List<String> strings(String expression) {
        List<String> values = new ArrayList<>();
        page.evaluate(expression).forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * Faded (table and timeline): exactly the entries that chronology(knownAt: horizon) leaves out; "not shared": those
     * whose knownTo at the horizon is only their own agency.
     */
    private void assertFadedAsTheRecordSays(String horizon, boolean someKnownSomeNot) throws IOException {
        Set<String> all = ids(chronology(DemoCase.CHILD, "", ""));
        JsonNode known = JSON.readTree(chronology(DemoCase.CHILD, "", horizon)).at("/data/chronology/edges");
        Set<String> notKnown = new TreeSet<>(all);
        Set<String> notShared = new TreeSet<>();
        known.forEach(edge -> {
            JsonNode entry = edge.path("node");
            notKnown.remove(entry.path("id").asText());
            JsonNode knownTo = entry.path("knownTo");
            if (knownTo.size() == 1 && knownTo.get(0).at("/agency/id").asText().equals(entry.at("/agency/id").asText())) {
                notShared.add(entry.path("id").asText());
            }
        });
        if (someKnownSomeNot) {
            assertThat(notKnown).as("some entries nobody knew by " + horizon).isNotEmpty().hasSizeLessThan(all.size());
        }
        assertThat(new TreeSet<>(strings("[...document.querySelectorAll('" + ROWS + ".not-known')].map(r => r.dataset.entryId)")))
                .as("the faded rows at " + horizon).isEqualTo(notKnown);
        assertThat(timelineIds("not-known")).as("the faded items at " + horizon).isEqualTo(notKnown);
        assertThat(strings("[...document.querySelectorAll('" + ROWS + ".not-known .status-cell')].map(c => c.textContent)"))
                .allMatch(text -> text.startsWith("not known to anyone yet"));
        assertThat(timelineIds("not-shared")).as("the items marked not shared at " + horizon).isEqualTo(notShared);
        assertThat(strings("[...document.querySelectorAll('.vis-item.entry .entry-content.not-shared .status')].map(e => e.textContent)"))
                .hasSize(notShared.size()).allMatch(text -> text.endsWith("not shared"));
    }

    /** No console error, exception, failed request, dialog or CSP violation; every request to this machine. */
    private void assertNothingWentWrong(String screenshot) throws IOException {
        Files.write(SCREENSHOTS.resolve(screenshot + ".png"), page.screenshot());
        assertThat(page.problems().stream().filter(problem -> !problem.matches(LOGIN_PAGE_FAVICON)).toList())
                .as("what went wrong in the page").isEmpty();
        // data: URLs are Chromium's own (the date controls' calendar icon), never a request over the network
        assertThat(page.requests.stream().filter(url -> !url.startsWith("data:")).toList())
                .anyMatch(url -> url.endsWith("/graphql"))
                .allSatisfy(url -> assertThat(URI.create(url).getHost()).as(url).isIn("localhost", "127.0.0.1"));
    }

    // ---- what the record says, read by the test ----

    private String chronology(String childId, String knownBy, String knownAt) {
        return chair.postOk("""
                query($c: ID!, $by: ID, $at: DateTime) { chronology(childId: $c, knownBy: $by, knownAt: $at, first: 500) {
                  totalCount edges { node { id kind agency { id } knownTo { agency { id } since } } } } }""",
                object("c", childId, "by", knownBy.isEmpty() ? null : knownBy, "at", knownAt.isEmpty() ? null : knownAt));
    }

    private static Set<String> ids(String chronology) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        JSON.readTree(chronology).at("/data/chronology/edges").forEach(edge -> ids.add(edge.at("/node/id").asText()));
        return ids;
    }

    private void awaitEntries(String childId, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (JSON.readTree(chair.postOk("query($c: ID!) { chronology(childId: $c, first: 1) { totalCount } }",
                object("c", childId))).at("/data/chronology/totalCount").asInt() < count) {
            if (Instant.now().isAfter(deadline)) {
                fail(childId + " has fewer than " + count + " entries in query-service after 60 s");
            }
            Thread.sleep(200);
        }
    }

    /**
     * A child of 10,000 entries of the demo's five agencies over five years (each agency's first entry starts its
     * involvement; one in ten known a month late), in batches of 500, in a review the demo chair chairs.
     */
    private void loadLargeChild() {
        platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", LARGE_CHILD, "displayName", "Child L", "dateOfBirth", "2014-03-01")));
        platform.commands.postOk("mutation($input: CommissionReviewInput!) { commissionReview(input: $input) { id } }",
                object("input", object("id", "review-" + LARGE_CHILD, "type", "CHILD_SAFEGUARDING_PRACTICE_REVIEW",
                        "childIds", List.of(LARGE_CHILD), "scopeFrom", "2014-03-01", "scopeTo", "2019-03-01",
                        "chair", DemoUsers.CHAIR, "commissionedAt", "2019-04-01T09:00:00Z")));
        List<String> kinds = List.of("HOME_VISIT", "CONTACT", "APPOINTMENT_ATTENDED", "CHILD_SEEN", "APPOINTMENT_MISSED");
        List<String> significance = List.of("ROUTINE", "ROUTINE", "ROUTINE", "SIGNIFICANT", "ROUTINE", "ROUTINE", "CRITICAL");
        Instant first = Instant.parse("2014-03-02T09:00:00Z");
        long step = Duration.ofDays(5 * 365).toSeconds() / LARGE_ENTRIES;
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < LARGE_ENTRIES; i++) {
            DemoCase.Agency agency = DemoCase.AGENCIES.get(i % DemoCase.AGENCIES.size());
            Instant occurred = first.plusSeconds(step * i);
            Instant known = i % 10 == 9 ? occurred.plus(Duration.ofDays(30)) : occurred;
            batch.add(object("childId", LARGE_CHILD, "agencyId", agency.id(), "sourceRef", "L-" + i,
                    "kind", i < DemoCase.AGENCIES.size() ? "INVOLVEMENT_STARTED" : kinds.get(i % kinds.size()),
                    "occurredAt", occurred.toString(), "knownAt", known.toString(),
                    "summary", "Entry " + i + " of the large case: seen by Professional " + (i % 17) + " of " + agency.name() + ".",
                    "significance", significance.get(i % significance.size())));
            if (batch.size() == 500) {
                String answer = platform.commands.postOk("""
                        mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index error { message } } }""",
                        object("input", batch));
                assertThat(answer).doesNotContain("\"message\"");
                batch.clear();
            }
        }
    }
}
