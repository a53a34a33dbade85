package org.safeguarding.chronology.platform.bench;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.safeguarding.chronology.platform.Chromium;
import org.safeguarding.chronology.platform.Credentials;
import org.safeguarding.chronology.platform.GraphQlClient;

/**
 * The chair's timeline of one child in Debian's headless Chromium, on this machine beside the platform: the first
 * page drawn and all entries drawn after navigating to /timeline, and the steps of a horizon drag, each beside its
 * floor measured in the same run, the same reads over HTTP from this program (the page's first request, then the
 * other pages four at once, as the page reads them). Reports figures; asserts nothing.
 */
final class TimelineBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As timeline.js asks for them (CHILD_QUERY and ENTRIES_QUERY there). */
    private static final String ENTRY_FIELDS = "id agency { id } kind occurredAt occurredAtText knownAt summary"
            + " significance childAge knownTo { agency { id } since }";
    private static final String PAGE_FIELDS = "pageInfo { hasNextPage endCursor } edges { node { " + ENTRY_FIELDS + " } }";
    private static final String CHILD_QUERY = "query Child($childId: ID!, $first: Int) {"
            + " child(id: $childId) { id displayName dateOfBirth }"
            + " involvement(childId: $childId) { agency { id name } episodes { from to } entryCount firstEntryAt lastEntryAt }"
            + " chronology(childId: $childId, first: $first) { totalCount " + PAGE_FIELDS + " }"
            + " chronologyPages(childId: $childId, first: $first) }";
    private static final String ENTRIES_QUERY = "query Entries($childId: ID!, $first: Int, $after: String) {"
            + " chronology(childId: $childId, first: $first, after: $after) { " + PAGE_FIELDS + " } }";
    private static final int PAGE = 500;
    private static final int PAGES_AT_ONCE = 4;
    private static final int RUNS = 5;

    private final GraphQlClient queries;
    private final Bench.Options options;
    private final BenchResults results;
    private final Credentials user;

    TimelineBench(GraphQlClient queries, Bench.Options options, BenchResults results, Credentials user) {
        this.queries = queries;
        this.options = options;
        this.results = results;
        this.user = user;
    }

    void figures(String childId) throws Exception {
        if (!Chromium.installed()) {
            Bench.progress("timeline: skipped, " + Chromium.EXECUTABLE + " is missing (apt-get install chromium)");
            return;
        }
        Floor floor = floor(childId);
        int entries = floor.entries();
        Path logs = Files.createTempDirectory("timeline-bench");
        try (Chromium chromium = Chromium.launch(logs.resolve("chromium.log"))) {
            Chromium.Page page = chromium.open();
            logIn(page, childId);
            List<Double> first = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                Bench.progress("timeline: " + childId + " in Chromium, load " + run + " of " + RUNS
                        + (run == 0 ? " (the first after the start, not counted)" : ""));
                page.navigate(url(childId));
                page.waitFor("document.body.dataset.loaded === 'all'", "all " + entries + " entries");
                JsonNode figures = page.evaluate("window.timelineFigures");
                if (figures.path("entries").asInt() != entries) {
                    throw new IllegalStateException("the timeline read " + figures.path("entries") + " of " + entries + " entries");
                }
                if (run > 0) {
                    first.add(figures.path("firstRender").asDouble());
                    all.add(figures.path("allEntries").asDouble());
                }
            }
            double firstMedian = median(first);
            double allMedian = median(all);
            results.add("timeline", "baseline: the page's first request over HTTP (child, lanes, first page of 500)",
                    "%.0f ms".formatted(floor.first()), Map.of("millis", floor.first(), "runs", RUNS), null, null);
            results.add("timeline", "first page drawn, " + entries + "-entry child, after navigating (median of " + RUNS + ")",
                    "%.0f ms".formatted(firstMedian), Map.of("millis", firstMedian, "runs", first),
                    firstMedian / floor.first(), null);
            results.add("timeline", "baseline: all " + floor.pages() + " pages over HTTP, four at once ("
                            + floor.bytes() / 1024 + " kB)",
                    "%.0f ms".formatted(floor.all()), Map.of("millis", floor.all(), "pages", floor.pages(),
                            "bytes", floor.bytes(), "runs", RUNS), null, null);
            results.add("timeline", "all " + entries + " entries drawn and in the table (median of " + RUNS + ")",
                    "%.0f ms".formatted(allMedian), Map.of("millis", allMedian, "runs", all),
                    allMedian / floor.all(), "< 2000 ms", allMedian < 2000);
            horizonDrag(page, entries);
        }
    }

    /** The horizon placed mid-window, then dragged 200 px in ten steps: each step restyles every entry. */
    private void horizonDrag(Chromium.Page page, int entries) {
        page.waitFor("document.body.dataset.busy === 'false'", "the timeline to settle");
        page.click("#horizon-here");
        page.waitFor("document.body.dataset.busy === 'false'", "the horizon's patterns and household");
        JsonNode bar = page.evaluate("""
                (() => { const r = document.querySelector('.vis-custom-time.horizon').getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + 40]; })()""");
        page.drag(bar.get(0).asDouble(), bar.get(1).asDouble(), bar.get(0).asDouble() - 200, bar.get(1).asDouble(), 10);
        page.waitFor("document.body.dataset.busy === 'false' && window.timelineFigures.horizonSet.length > 1",
                "the drag to end");
        List<Double> steps = new ArrayList<>();
        page.evaluate("window.timelineFigures.horizon").forEach(step -> steps.add(step.asDouble()));
        List<Double> set = new ArrayList<>();
        page.evaluate("window.timelineFigures.horizonSet").forEach(step -> set.add(step.asDouble()));
        double p50 = median(steps);
        double max = Collections.max(steps);
        results.add("timeline", "horizon drag, " + entries + " entries: a step to its next frame (" + steps.size() + " steps)",
                "p50 %.0f ms, max %.0f ms".formatted(p50, max), Map.of("p50Millis", p50, "maxMillis", max, "steps", steps),
                null, "a frame within 100 ms", max <= 100);
        double last = set.get(set.size() - 1);
        results.add("timeline", "the table following the horizon once the drag ends", "%.0f ms".formatted(last),
                Map.of("millis", last, "each", set), null, null);
    }

    private record Floor(double first, double all, int pages, long bytes, int entries) {
    }

    /** The page's reads from this program: the first request, then the other pages four at once (medians of RUNS). */
    private Floor floor(String childId) throws Exception {
        List<Double> firsts = new ArrayList<>();
        List<Double> alls = new ArrayList<>();
        int pages = 0;
        long bytes = 0;
        int entries = 0;
        ExecutorService readers = Executors.newFixedThreadPool(PAGES_AT_ONCE);
        try {
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                String answer = queries.postOk(CHILD_QUERY, object("childId", childId, "first", PAGE));
                double first = (System.nanoTime() - start) / 1e6;
                List<String> starts = new ArrayList<>();
                JsonNode firstPage = JSON.readTree(answer);
                firstPage.at("/data/chronologyPages").forEach(after -> starts.add(after.asText()));
                entries = firstPage.at("/data/chronology/totalCount").asInt();
                AtomicInteger next = new AtomicInteger();
                AtomicLong read = new AtomicLong(answer.length());
                List<Future<?>> running = new ArrayList<>();
                for (int reader = 0; reader < PAGES_AT_ONCE; reader++) {
                    running.add(readers.submit(() -> {
                        for (int n = next.getAndIncrement(); n < starts.size(); n = next.getAndIncrement()) {
                            read.addAndGet(queries.postOk(ENTRIES_QUERY,
                                    object("childId", childId, "first", PAGE, "after", starts.get(n))).length());
                        }
                    }));
                }
                for (Future<?> reader : running) {
                    reader.get();
                }
                if (run > 0) { // the first warms the query service's paths, as the browser's first load does
                    firsts.add(first);
                    alls.add((System.nanoTime() - start) / 1e6);
                }
                pages = starts.size() + 1;
                bytes = read.get();
            }
        } finally {
            readers.shutdownNow();
        }
        return new Floor(median(firsts), median(alls), pages, bytes, entries);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return Bench.pct(sorted, 50);
    }

    /** Through the login form, as a chair would. */
    private void logIn(Chromium.Page page, String childId) {
        page.navigate(url(childId));
        page.logIn(user.username(), user.password(), "/timeline");
        page.waitFor("document.body.dataset.loaded === 'all'", "the timeline after the login");
    }

    private String url(String childId) {
        return options.queriesBase() + "/timeline?childId=" + childId;
    }
}
