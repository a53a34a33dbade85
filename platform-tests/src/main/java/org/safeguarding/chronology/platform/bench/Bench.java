package org.safeguarding.chronology.platform.bench;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.chronology.platform.Credentials;
import org.safeguarding.chronology.platform.GraphQlClient;
import org.safeguarding.chronology.platform.GraphQlClient.Json;
import org.safeguarding.chronology.platform.bench.BenchData.ChildHistory;
import org.safeguarding.chronology.platform.bench.BenchData.Command;

/**
 * The platform's benchmark, through its public GraphQL API, each figure beside its baseline: the store's own
 * {@code insertMany} limit, ingest with 1, 8 and 32 clients and through {@code recordEntries}, lag under a
 * sustained load, query latency for children of 100, 1,000 and 10,000 entries as the store grows, the literal
 * replay, a rebuild of every projection, and the services' memory. Prints a table and writes
 * {@code <out>/<date>.json}, {@code <out>/<date>.svg} and {@code <out>/<date>.md}. Reports figures; asserts
 * nothing.
 *
 * <p>Usage: {@code Bench --commands URL --queries URL --store MONGODB_URI [--quick | --patterns | --files | --timeline] [--out DIR]
 * [--pids DIR] [--seed N]}, or {@code Bench --render <results>.json} to write its tables and chart again.
 */
public final class Bench {

    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId } }";
    private static final String RECORD_BATCH = """
            mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index error { classification message } } }""";
    private static final Map<BenchData.Kind, String> SINGLE = Map.of(
            BenchData.Kind.ENTRY, RECORD,
            BenchData.Kind.PERSON, "mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId } }",
            BenchData.Kind.CORRECTION, "mutation($input: CorrectEntryInput!) { correctEntry(input: $input) { entryId } }",
            BenchData.Kind.RETRACTION, "mutation($input: RetractEntryInput!) { retractEntry(input: $input) { entryId } }",
            BenchData.Kind.SHARE, "mutation($input: ShareInformationInput!) { shareInformation(input: $input) { sharingId } }");
    private static final String ENTRY_FIELDS = """
            id kind occurredAt occurredAtText summary significance professional version personIds sincePrevious
            agency { id name } knownTo { agency { id name } since how channel }""";
    private static final String PAGE = """
            query($childId: ID!, $after: String) { chronology(childId: $childId, first: 100, after: $after) {
              totalCount pageInfo { endCursor hasNextPage } edges { node { %s } } } }""".formatted(ENTRY_FIELDS);
    private static final String AS_OF_PAGE = """
            query($childId: ID!, $after: String, $knownBy: ID, $knownAt: DateTime, $recordedAsOf: DateTime) {
              chronology(childId: $childId, first: 100, after: $after, knownBy: $knownBy, knownAt: $knownAt,
                         recordedAsOf: $recordedAsOf) {
              totalCount pageInfo { endCursor hasNextPage } edges { node { %s } } } }""".formatted(ENTRY_FIELDS);
    private static final String CASE_STATE = """
            query($childId: ID!, $at: DateTime!, $verify: Boolean) { caseState(childId: $childId, at: $at, verify: $verify) {
              entryCount onChildProtectionPlan lastSeen involvedAgencies { agency { id name } since professionals }
              household { personId role knownTo { agency { id } since } } unseenBy { personId unknownTo { id } }
              verification { agrees eventsReplayed differences } } }""";
    private static final String INVOLVEMENT = """
            query($childId: ID!) { involvement(childId: $childId) { agency { id name } entryCount firstEntryAt lastEntryAt
              episodes { from to } } }""";
    private static final String PRACTICE_PATTERNS = """
            query($childId: ID!, $at: DateTime!, $verify: Boolean) {
              practicePatterns(childId: $childId, at: $at, verify: $verify) {
                kind since agencies { id name } entries { id kind occurredAt } personId actionIndex missing description } }""";
    /** The same patterns without their evidence: what computing them costs, apart from serialising the entries. */
    private static final String PRACTICE_PATTERNS_WITHOUT_EVIDENCE = """
            query($childId: ID!, $at: DateTime!) {
              practicePatterns(childId: $childId, at: $at) { kind since agencies { id name } personId actionIndex missing description } }""";
    private static final String TOTAL = "query($childId: ID!) { chronology(childId: $childId, first: 1) { totalCount } }";

    private final Options options;
    private final GraphQlClient commands;
    private final GraphQlClient queries;
    private final BenchData data;
    private final BenchResults results;
    private final MemorySampler memory;
    private long nextChild;

    private Bench(Options options) {
        this.options = options;
        this.commands = new GraphQlClient(options.commands);
        this.queries = new GraphQlClient(options.queries);
        this.data = new BenchData(options.seed);
        this.results = new BenchResults(options.quick);
        this.memory = new MemorySampler(options);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--render")) {
            BenchResults.render(Path.of(args[1])); // the tables and chart again, from a results file
            return;
        }
        new Bench(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        memory.start();
        for (String[] agency : BenchData.AGENCIES) {
            commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", agency[0], "name", agency[1], "sector", agency[2])));
        }

        // the measured children first: with them alone the store holds ~10,000 events
        int[] sizes = options.files || options.timeline ? new int[] {10_000}
                : options.patterns ? new int[] {1_000, 10_000}
                : options.quick ? new int[] {100, 1_000} : new int[] {100, 1_000, 10_000};
        List<Measured> measured = new ArrayList<>();
        for (int size : sizes) {
            ChildHistory child = data.child("bench-child-" + size, -size, size);
            progress("loading measured child " + child.childId() + " (" + child.events() + " events)");
            ingest(List.of(child), 1, true, 500);
            Instant entriesRecorded = Instant.now();
            followUps(List.of(child), 32);
            measured.add(new Measured(child, entriesRecorded));
        }
        awaitProjection();
        if (options.files) { // the import and the export only, at the first store size
            files(measured.get(measured.size() - 1), 10_000);
            memory.stop();
            results.write(options, Instant.now());
            return;
        }
        if (options.timeline) { // the chair's timeline only, at the first store size
            timeline(measured.get(measured.size() - 1));
            memory.stop();
            results.write(options, Instant.now());
            return;
        }
        warmUp(measured.get(measured.size() - 1));
        measureQueries(measured);
        if (options.patterns) { // the practice patterns beside the case state, at the first store size only
            memory.stop();
            results.write(options, Instant.now());
            return;
        }
        // the store's own limit, then ingest through the API, each as a ratio to it
        double limit = limit();
        double best = 0;
        best = Math.max(best, ingestFigure("ingest, recordEntry, 1 client", 1, false, options.quick ? 300 : 2_000, limit, null));
        best = Math.max(best, ingestFigure("ingest, recordEntry, 8 clients", 8, false, options.quick ? 800 : 8_000, limit, 0.25));
        best = Math.max(best, ingestFigure("ingest, recordEntry, 32 clients", 32, false, options.quick ? 1_600 : 16_000, limit, null));
        durabilityCost(limit);
        best = Math.max(best, ingestFigure("ingest, recordEntries batches of 500, 8 clients", 8, true,
                options.quick ? 4_000 : 50_000, limit, 0.5));

        long[] targets = options.quick ? new long[] {25_000} : new long[] {100_000, 1_000_000};
        for (int stage = 0; stage < targets.length; stage++) {
            fill(targets[stage]);
            awaitProjection();
            measureQueries(measured);
            if (stage == 0) {
                // after the first measurement, so the load it adds does not overshoot the first store size
                lagUnderLoad(Math.min(1_000, best / 2), Duration.ofSeconds(options.quick ? 15 : 60));
            }
        }

        files(measured.get(measured.size() - 1), options.quick ? 1_000 : 10_000);
        timeline(measured.get(measured.size() - 1));
        rebuild(limit()); // against the limit of the store as it now is
        memory.stop();
        memory.report(results);
        results.add("run", "bench run time", "%.1f min".formatted(Duration.between(began, Instant.now()).toSeconds() / 60.0),
                Map.of("seconds", Duration.between(began, Instant.now()).toSeconds()), null, null);
        results.write(options, Instant.now());
    }

    private record Measured(ChildHistory child, Instant entriesRecorded) {
    }

    /** Spreadsheets of this many rows imported, and the largest measured child exported in every format. */
    private void files(Measured largest, int rows) throws Exception {
        FilesBench files = new FilesBench(commands, queries, options, results, "bench-health-visiting");
        awaitProjection();
        files.importFigures(rows);
        awaitProjection();
        files.exportFigures(largest.child().childId(), largest.child().entries().size());
    }

    /** The largest measured child on the chair's timeline in headless Chromium, logged in as the bench's user. */
    private void timeline(Measured largest) throws Exception {
        awaitProjection();
        new TimelineBench(queries, options, results, Credentials.fromEnvironment())
                .figures(largest.child().childId());
    }

    /** The next generated children, until they hold at least this many entries. */
    private List<ChildHistory> nextChildren(long entries) {
        List<ChildHistory> children = new ArrayList<>();
        long total = 0;
        while (total < entries) {
            ChildHistory child = data.child("bench-" + options.seed, nextChild++);
            children.add(child);
            total += child.entries().size();
        }
        return children;
    }

    private double ingestFigure(String name, int clients, boolean batches, int entries, double limit, Double goal)
            throws Exception {
        awaitProjection(); // each figure starts with the projection idle, then keeps up with it meanwhile
        List<ChildHistory> children = nextChildren(entries);
        long count = children.stream().mapToLong(child -> child.entries().size()).sum();
        progress(name + ": " + count + " entries of " + children.size() + " children");
        long start = System.nanoTime();
        ingest(children, clients, batches, 500);
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        results.add("ingest", name, "%.0f entries/s".formatted(perSecond),
                Map.of("entriesPerSecond", perSecond, "entries", count, "clients", clients),
                perSecond / limit, goal);
        followUps(children, 32);
        return perSecond;
    }

    /**
     * The cost of durability, in the same run: 8 recordEntry clients again with the embedded store answering writes
     * once written to the file without the sync, and once applied in memory (H2's commit about once a second, as
     * before receipts were made durable), each against the same limit; then back to synced writes.
     */
    private void durabilityCost(double limit) throws Exception {
        StoreLimit store = new StoreLimit(options.store);
        if (!store.durability("commit")) {
            return;
        }
        try {
            ingestFigure("ingest, recordEntry, 8 clients, writes answered unsynced (commit, no fsync)", 8, false,
                    options.quick ? 800 : 8_000, limit, null);
            store.durability("none");
            ingestFigure("ingest, recordEntry, 8 clients, writes answered from memory (no durability)", 8, false,
                    options.quick ? 800 : 8_000, limit, null);
        } finally {
            store.durability("sync");
        }
    }

    /** Registers the children and records their entries, each client taking whole children from a queue. */
    private void ingest(List<ChildHistory> children, int clients, boolean batches, int batchSize) throws Exception {
        ConcurrentLinkedQueue<ChildHistory> queue = new ConcurrentLinkedQueue<>(children);
        parallel(clients, c -> {
            for (ChildHistory child; (child = queue.poll()) != null; ) {
                commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                        object("input", child.registration()));
                if (batches) {
                    for (int from = 0; from < child.entries().size(); from += batchSize) {
                        List<Object> batch = child.entries()
                                .subList(from, Math.min(child.entries().size(), from + batchSize)).stream()
                                .map(command -> (Object) command.input()).toList();
                        String response = commands.postOk(RECORD_BATCH, object("input", batch));
                        if (response.contains("\"error\":{")) {
                            throw new IllegalStateException("a batch item was refused: " + response);
                        }
                    }
                } else {
                    for (Command entry : child.entries()) {
                        commands.postOk(RECORD, object("input", entry.input()));
                    }
                }
            }
        });
    }

    /** Persons, corrections, retractions and shares, one command each. */
    private void followUps(List<ChildHistory> children, int clients) throws Exception {
        ConcurrentLinkedQueue<ChildHistory> queue = new ConcurrentLinkedQueue<>(children);
        parallel(Math.min(clients, children.size()), c -> {
            for (ChildHistory child; (child = queue.poll()) != null; ) {
                for (Command command : child.persons()) {
                    commands.postOk(SINGLE.get(command.kind()), object("input", command.input()));
                }
                for (Command command : child.followUps()) {
                    commands.postOk(SINGLE.get(command.kind()), object("input", command.input()));
                }
            }
        });
    }

    /** Fills the store to about this many events with generated children, in chunks, reporting progress. */
    private void fill(long targetEvents) throws Exception {
        long head = headSequence();
        progress("filling the store from " + head + " to ~" + targetEvents + " events");
        long start = System.nanoTime();
        long startHead = head;
        while (head < targetEvents) {
            long entries = Math.max(1_000, Math.min(100_000, (targetEvents - head) * 88 / 100));
            List<ChildHistory> children = nextChildren(entries);
            ingest(children, 8, true, 500);
            followUps(children, 32);
            head = headSequence();
            double seconds = (System.nanoTime() - start) / 1e9;
            progress(String.format(Locale.ROOT, "  %d events in the store (%.0f events/s loading), projection at %d",
                    head, (head - startHead) / seconds, projectionPosition()));
        }
    }

    /**
     * Lag from sending a single recordEntry to its entry being visible in chronology, sampled every 200 ms while
     * other clients keep up a steady load of recordEntries batches at the given rate.
     */
    private void lagUnderLoad(double rate, Duration duration) throws Exception {
        awaitProjection();
        progress(String.format(Locale.ROOT, "lag under a sustained load of %.0f entries/s for %d s", rate,
                duration.toSeconds()));
        ChildHistory probe = data.child("bench-lag-probe", -1, (int) (duration.toMillis() / 200 + 10));
        commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", probe.registration()));
        List<ChildHistory> load = nextChildren((long) (rate * duration.toSeconds() * 1.2) + 1_000);
        for (ChildHistory child : load) {
            commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                    object("input", child.registration()));
        }
        ConcurrentLinkedQueue<Object> entries = new ConcurrentLinkedQueue<>();
        load.forEach(child -> child.entries().forEach(entry -> entries.add(entry.input())));
        int perTick = Math.max(1, (int) Math.round(rate / 10));
        AtomicLong sent = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> senders.submit(() -> {
            List<Object> batch = new ArrayList<>();
            for (Object entry; batch.size() < perTick && (entry = entries.poll()) != null; ) {
                batch.add(entry);
            }
            if (!batch.isEmpty()) {
                try {
                    commands.postOk(RECORD_BATCH, object("input", batch));
                    sent.addAndGet(batch.size());
                } catch (RuntimeException e) {
                    failed.set(true);
                    System.err.println("load batch failed: " + e.getMessage());
                }
            }
        }), 0, 100, TimeUnit.MILLISECONDS);
        List<Double> lags = new ArrayList<>();
        int recorded = 0;
        Thread.sleep(2_000); // let the load settle first
        while (System.nanoTime() - start < duration.toNanos()) {
            long probeStart = System.nanoTime();
            commands.postOk(RECORD, object("input", probe.entries().get(recorded).input()));
            recorded++;
            while (!queries.postOk(TOTAL, object("childId", probe.childId())).contains("\"totalCount\":" + recorded)) {
                Thread.sleep(1);
            }
            lags.add((System.nanoTime() - probeStart) / 1e6);
            long sleep = 200 - (System.nanoTime() - probeStart) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        double achieved = sent.get() / ((System.nanoTime() - start) / 1e9);
        ticks.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        if (failed.get()) {
            throw new IllegalStateException("the sustained load failed; see the messages above");
        }
        Collections.sort(lags);
        results.add("lag", String.format(Locale.ROOT,
                        "lag, send to visible in chronology, under %.0f entries/s (asked %.0f), %d samples",
                        achieved, rate, lags.size()),
                "p50 %.0f ms, p99 %.0f ms".formatted(pct(lags, 50), pct(lags, 99)),
                Map.of("p50Millis", pct(lags, 50), "p99Millis", pct(lags, 99), "loadEntriesPerSecond", achieved,
                        "askedEntriesPerSecond", rate, "samples", lags.size()),
                null, null);
        awaitProjection();
    }

    /** Runs every measured query for a while unrecorded, so the first store size is not measured on a cold JIT. */
    private void warmUp(Measured measured) {
        progress("warming up the query path");
        long until = System.nanoTime() + (options.quick ? 5 : 30) * 1_000_000_000L;
        while (System.nanoTime() < until) {
            queries.postOk(PAGE, object("childId", measured.child().childId()));
            queries.postOk(AS_OF_PAGE, object("childId", measured.child().childId(), "knownBy",
                    measured.child().mainAgency(), "knownAt", measured.child().lastOccurred().toString(),
                    "recordedAsOf", measured.entriesRecorded().toString()));
            queries.postOk(CASE_STATE, object("childId", measured.child().childId(), "at",
                    measured.child().lastOccurred().toString(), "verify", false));
            queries.postOk(INVOLVEMENT, object("childId", measured.child().childId()));
            queries.postOk(PRACTICE_PATTERNS, object("childId", measured.child().childId(), "at",
                    measured.child().lastOccurred().toString(), "verify", false));
        }
    }

    private void measureQueries(List<Measured> children) {
        long events = headSequence();
        progress("measuring queries with " + events + " events in the store");
        for (Measured measured : children) {
            ChildHistory child = measured.child();
            int size = child.entries().size();
            String label = " (child of " + size + " entries, " + events + " events)";
            Instant middle = child.firstOccurred().plus(Duration.between(child.firstOccurred(), child.lastOccurred()).dividedBy(2));
            Instant at = middle.truncatedTo(ChronoUnit.SECONDS);
            double page = pages("chronology page", PAGE, object("childId", child.childId()), size, events, label);
            if (auditRecording(false)) {
                try {
                    pages("chronology page, reads not audited (baseline)", PAGE, object("childId", child.childId()),
                            size, events, label);
                } finally {
                    auditRecording(true);
                }
            }
            pages("as-of page", AS_OF_PAGE, object("childId", child.childId(), "knownBy", child.mainAgency(),
                    "knownAt", at.toString(), "recordedAsOf", measured.entriesRecorded().toString()), size, events, label);
            double[] caseStateFigures = latencies("caseState", CASE_STATE,
                    object("childId", child.childId(), "at", at.toString(), "verify", false), size, events, label,
                    options.quick ? 15 : 200);
            double caseState = caseStateFigures[0];
            double[] patterns = latencies("practicePatterns", PRACTICE_PATTERNS,
                    object("childId", child.childId(), "at", at.toString(), "verify", false), size, events, label,
                    options.quick ? 15 : 200);
            String answer = queries.postOk(PRACTICE_PATTERNS, object("childId", child.childId(), "at", at.toString(),
                    "verify", false));
            int found = count(answer, "\"description\":");
            int evidence = count(answer, "\"occurredAt\":");
            results.add("patterns", "practicePatterns answer at " + at + label,
                    "%d patterns, %d evidence entries, %d kB".formatted(found, evidence, answer.length() / 1024),
                    Map.of("patterns", found, "evidenceEntries", evidence, "bytes", answer.length()), null, null);
            results.add("patterns", "practicePatterns p99 against caseState p99" + label,
                    "%.1fx caseState".formatted(patterns[1] / caseStateFigures[1]),
                    Map.of("childEntries", size, "storeEvents", events, "caseStateP99Millis", caseStateFigures[1],
                            "practicePatternsP99Millis", patterns[1], "ratio", patterns[1] / caseStateFigures[1]),
                    null, size >= 10_000 ? "at most 3x" : null,
                    size >= 10_000 ? patterns[1] / caseStateFigures[1] <= 3.0 : null);
            latency("practicePatterns without the evidence entries", PRACTICE_PATTERNS_WITHOUT_EVIDENCE,
                    object("childId", child.childId(), "at", at.toString()), size, events, label,
                    options.quick ? 15 : 200);
            latency("practicePatterns, verified by the literal fold (verify: true)", PRACTICE_PATTERNS,
                    object("childId", child.childId(), "at", at.toString(), "verify", true), size, events, label,
                    options.quick ? 3 : size >= 10_000 ? 8 : 20);
            latency("involvement", INVOLVEMENT, object("childId", child.childId()), size, events, label,
                    options.quick ? 15 : 200);
            double replay = latency("caseState by literal replay (verify: true)", CASE_STATE,
                    object("childId", child.childId(), "at", at.toString(), "verify", true), size, events, label,
                    options.quick ? 3 : size >= 10_000 ? 8 : 20);
            results.add("replay", "projection against literal replay, caseState" + label,
                    "%.0fx faster".formatted(replay / caseState),
                    Map.of("childEntries", size, "storeEvents", events, "projectionP50Millis", caseState,
                            "replayP50Millis", replay, "ratio", replay / caseState),
                    null, size >= 10_000 ? 50.0 : null);
        }
    }

    /**
     * Switches the query-service's audit of reads (its /actuator/audit, there only with
     * CHRONOLOGY_AUDIT_SWITCHABLE=true, as bench.sh starts it); false when the switch is not there.
     */
    private boolean auditRecording(boolean on) {
        try {
            Http.post(options.queriesBase() + "/actuator/audit", "{\"recording\":" + on + "}");
            return true;
        } catch (IllegalStateException absent) {
            progress("no audit switch on the query-service (" + absent.getMessage() + "): no unaudited baseline");
            return false;
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Walks the view page by page from the top (back to the top every 20 pages); the p50. */
    private double pages(String query, String document, Json.Raw variables, int size, long events, String label) {
        List<Double> latencies = new ArrayList<>();
        String after = null;
        int rounds = options.quick ? 30 : 1_000;
        for (int i = 0; i < rounds + 10; i++) {
            Json.Raw withCursor = new Json.Raw(variables.json().substring(0, variables.json().length() - 1)
                    + ",\"after\":" + Json.string(after) + "}");
            long start = System.nanoTime();
            String page = queries.postOk(document, withCursor);
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 10) {
                latencies.add(ms); // the first ten warm up
            }
            List<String> cursors = GraphQlClient.strings(page, "endCursor");
            after = (cursors.isEmpty() || page.contains("\"hasNextPage\":false") || i % 20 == 19) ? null : cursors.get(0);
        }
        return record(query, latencies, size, events, label);
    }

    private double latency(String query, String document, Json.Raw variables, int size, long events, String label,
                           int rounds) {
        return latencies(query, document, variables, size, events, label, rounds)[0];
    }

    /** The p50 and the p99. */
    private double[] latencies(String query, String document, Json.Raw variables, int size, long events,
                               String label, int rounds) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            long start = System.nanoTime();
            String response = queries.postOk(document, variables);
            if (i >= 3) {
                latencies.add((System.nanoTime() - start) / 1e6);
            }
            if (response.contains("\"agrees\":false")) {
                throw new IllegalStateException("the literal replay disagrees with the projection: " + response);
            }
        }
        record(query, latencies, size, events, label);
        return new double[] {pct(latencies, 50), pct(latencies, 99)};
    }

    private double record(String query, List<Double> latencies, int size, long events, String label) {
        Collections.sort(latencies);
        double p50 = pct(latencies, 50);
        double p99 = pct(latencies, 99);
        boolean goal = size >= 10_000 && query.endsWith("page");
        results.latency(query, size, events, p50, p99, latencies.size(), label, goal ? 20.0 : null);
        return p50;
    }

    /** The median of three insertMany runs (the figure varies from run to run on a shared machine). */
    private double limit() {
        long events = headSequence();
        StoreLimit store = new StoreLimit(options.store);
        List<Double> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            runs.add(store.measure(options.quick ? 5_000 : 50_000, 1_000));
        }
        Collections.sort(runs);
        double limit = runs.get(1);
        results.add("limit", String.format(Locale.ROOT,
                        "store limit: insertMany of event commit documents, batches of 1,000, store of %d events", events),
                String.format(Locale.ROOT, "%.0f documents/s (median of %.0f, %.0f, %.0f)", limit, runs.get(0),
                        runs.get(1), runs.get(2)),
                Map.of("documentsPerSecond", limit, "runs", runs, "storeEvents", events), null, null);
        return limit;
    }

    /** Resets every projection and times the rebuild until it has caught up with the store's head. */
    private void rebuild(double limit) throws Exception {
        long head = headSequence();
        progress("rebuilding every projection from " + head + " events");
        long start = System.nanoTime();
        Http.post(options.queriesBase() + "/actuator/projections");
        long position;
        long lastReport = start;
        while ((position = projectionPosition()) < head || replaying()) {
            Thread.sleep(200);
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                progress(String.format(Locale.ROOT, "  rebuild at %d of %d (%.0f events/s)", position, head,
                        position / ((System.nanoTime() - start) / 1e9)));
            }
        }
        double perSecond = head / ((System.nanoTime() - start) / 1e9);
        results.add("rebuild", "rebuild of every projection from " + head + " events",
                "%.0f events/s".formatted(perSecond), Map.of("eventsPerSecond", perSecond, "events", head,
                        "seconds", head / perSecond), perSecond / limit, 1.0);
    }

    /** The position the projections reach once they have read everything (fenced gaps at the end hold no event). */
    private long headSequence() {
        return (long) number(queries.postOk("{ projectionStatus { headSequence } }", null), "headSequence");
    }

    private long projectionPosition() {
        Matcher m = Pattern.compile("\"position\":([0-9.Ee+]+|null)").matcher(
                queries.postOk("{ projectionStatus { position } }", null));
        long lowest = Long.MAX_VALUE;
        while (m.find()) {
            lowest = Math.min(lowest, m.group(1).equals("null") ? -1 : (long) Double.parseDouble(m.group(1)));
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private boolean replaying() {
        return queries.postOk("{ projectionStatus { replaying } }", null).contains("\"replaying\":true");
    }

    private void awaitProjection() throws InterruptedException {
        long head = headSequence();
        long start = System.nanoTime();
        while (projectionPosition() < head) {
            Thread.sleep(100);
        }
        progress(String.format(Locale.ROOT, "projection caught up with %d events (waited %.1f s)", head,
                (System.nanoTime() - start) / 1e9));
    }

    static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":([-0-9.Ee+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no number \"" + field + "\" in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void parallel(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clients));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    body.run(client);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static void progress(String message) {
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    /** Command-line options. */
    record Options(String commands, String queries, String store, boolean quick, boolean patterns, boolean files,
                   boolean timeline, Path out, Path pids, long seed) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            boolean quick = false;
            boolean patterns = false;
            boolean files = false;
            boolean timeline = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--quick")) {
                    quick = true;
                } else if (args[i].equals("--patterns")) {
                    patterns = true;
                } else if (args[i].equals("--files")) {
                    files = true;
                } else if (args[i].equals("--timeline")) {
                    timeline = true;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    given.put(args[i].substring(2), args[++i]);
                } else {
                    usage("unexpected argument " + args[i]);
                }
            }
            for (String required : List.of("commands", "queries", "store")) {
                if (!given.containsKey(required)) {
                    usage("--" + required + " is required");
                }
            }
            return new Options(given.get("commands"), given.get("queries"), given.get("store"), quick, patterns, files, timeline,
                    Path.of(given.getOrDefault("out", "bench/results")),
                    given.containsKey("pids") ? Path.of(given.get("pids")) : null,
                    Long.parseLong(given.getOrDefault("seed", "20261122")));
        }

        private static void usage(String problem) {
            System.err.println("Bench: " + problem);
            System.err.println("usage: Bench --commands URL --queries URL --store MONGODB_URI [--quick | --patterns | --files | --timeline] [--out DIR]"
                    + " [--pids DIR] [--seed N]");
            System.exit(2);
        }

        String commandsBase() {
            return commands.replaceFirst("/graphql$", "");
        }

        String queriesBase() {
            return queries.replaceFirst("/graphql$", "");
        }

        String date() {
            return LocalDate.now(ZoneOffset.UTC).toString() + (quick ? "-quick" : "") + (patterns ? "-patterns" : "")
                    + (files ? "-files" : "") + (timeline ? "-timeline" : "");
        }

        Path file(String extension) throws java.io.IOException {
            Files.createDirectories(out);
            return out.resolve(date() + "." + extension);
        }
    }
}
