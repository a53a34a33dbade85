package org.safeguarding.chronology.platform;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small benchmark of a running platform, through its public GraphQL API only: the latency of a
 * 100-entry chronology page and of caseState for a child with 10,000 entries and 50 persons, with
 * ~10,000 and ~200,000 events in the store; ingest with 1, 8 and 32 clients and through recordEntries
 * batches; projection lag. Reports
 * figures; asserts nothing.
 *
 * <p>Usage: {@code Bench <commands-url> <queries-url> [--quick]}
 */
public final class Bench {

    private static final String RECORD = "mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId recordedAt } }";
    private static final String RECORD_BATCH = """
            mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index error { classification message } } }""";
    private static final String PAGE = """
            query($childId: ID!, $after: String) { chronology(childId: $childId, first: 100, after: $after) {
              totalCount pageInfo { endCursor } edges { node { id occurredAt summary agency { name } knownTo { agency { id } since } } } } }""";
    private static final String CASE_STATE = """
            query($childId: ID!, $at: DateTime!, $verify: Boolean) { caseState(childId: $childId, at: $at, verify: $verify) {
              entryCount involvedAgencies { agency { name } since professionals } household { personId knownTo { agency { id } } }
              unseenBy { personId unknownTo { id } } verification { agrees } } }""";
    private static final String[] KINDS = {"CONTACT", "HOME_VISIT", "APPOINTMENT_ATTENDED", "CONCERN_RAISED", "CHILD_SEEN",
            "REFERRAL", "INVOLVEMENT_STARTED", "INVOLVEMENT_ENDED", "CHILD_PROTECTION_PLAN_STARTED", "CHILD_PROTECTION_PLAN_ENDED"};

    private final GraphQlClient commands;
    private final GraphQlClient queries;
    private final boolean quick;
    private final AtomicLong events = new AtomicLong();
    private final List<String> report = new ArrayList<>();

    private Bench(String commandsUrl, String queriesUrl, boolean quick) {
        this.commands = new GraphQlClient(commandsUrl);
        this.queries = new GraphQlClient(queriesUrl);
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Bench <commands-url> <queries-url> [--quick]");
            System.exit(2);
        }
        new Bench(args[0], args[1], args.length > 2 && args[2].equals("--quick")).run();
    }

    private void run() throws Exception {
        int bigChild = quick ? 1_000 : 10_000;
        int storeTarget = quick ? 20_000 : 200_000;
        for (int a = 0; a < 10; a++) {
            commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                    object("input", object("id", "bench-agency-" + a, "name", "Bench Agency " + a, "sector", "OTHER")));
            events.incrementAndGet();
        }
        child("bench-big");
        progress("filling child bench-big to " + bigChild + " entries and 50 persons");
        fill("bench-big", bigChild, 8);
        for (int p = 0; p < 50; p++) {
            commands.postOk("mutation($input: RecordPersonKnownInput!) { recordPersonKnown(input: $input) { entryId } }",
                    object("input", object("childId", "bench-big", "agencyId", "bench-agency-" + p % 10,
                            "personId", "bench-person-" + p, "role", p % 2 == 0 ? "PARENTS_PARTNER" : "OTHER_RELATIVE",
                            "sex", p % 3 == 0 ? "FEMALE" : "MALE", "livesWithChild", p % 4 == 0,
                            "knownAt", "2016-0" + (1 + p % 9) + "-01T00:00:00Z", "sourceRef", "PERSON-" + p)));
            events.incrementAndGet();
        }
        awaitTotal("bench-big", bigChild);
        measureQueries("bench-big", bigChild);

        double one = ingest(1, quick ? 300 : 2_000, "bench-one");
        double eight = ingest(8, quick ? 800 : 8_000, "bench-eight");
        double thirtyTwo = ingest(32, quick ? 1_600 : 8_000, "bench-thirty-two");
        double batches = ingestInBatches(8, quick ? 4_000 : 20_000, 500, "bench-batch");
        line("ingest, 1 client", "%.0f entries/s", one);
        line("ingest, 8 clients", "%.0f entries/s", eight);
        line("ingest, 32 clients", "%.0f entries/s", thirtyTwo);
        line("ingest, recordEntries batches of 500, 8 clients", "%.0f entries/s", batches);

        lag(quick ? 20 : 100);

        long others = Math.max(0, storeTarget - events.get());
        int perChild = 1_000;
        int children = (int) (others / (perChild + 1));
        progress("filling the store with " + children + " more children of " + perChild + " entries");
        fillChildren(children, perChild);
        awaitTotal("bench-fill-" + (children - 1), perChild);
        measureQueries("bench-big", bigChild);

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        report.forEach(System.out::println);
    }

    private void measureQueries(String childId, int entries) {
        String label = "child of " + entries + " entries, store ~" + events.get() + " events";
        pages(childId, label);
        String at = "2019-06-01T00:00:00Z";
        latency("caseState (50 persons), " + label, CASE_STATE, object("childId", childId, "at", at, "verify", false));
        latency("caseState verify:true (literal replay), " + label, CASE_STATE, object("childId", childId, "at", at, "verify", true));
    }

    private void latency(String figure, String query, Object variables) {
        List<Double> latencies = new ArrayList<>();
        int rounds = quick ? 20 : 60;
        for (int i = 0; i < rounds + 5; i++) {
            long start = System.nanoTime();
            queries.postOk(query, variables);
            if (i >= 5) {
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(latencies);
        line(figure, "p50 %.1f ms, p99 %.1f ms", pct(latencies, 50), pct(latencies, 99));
    }

    private double ingest(int clients, int entries, String childPrefix) throws Exception {
        for (int c = 0; c < clients; c++) {
            child(childPrefix + "-" + c);
        }
        progress("ingest: " + entries + " entries with " + clients + " client(s)");
        long start = System.nanoTime();
        parallel(clients, c -> {
            for (int i = c; i < entries; i += clients) {
                record(childPrefix + "-" + c, i);
            }
        });
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    /** Each client submits its own child's entries through recordEntries, batchSize at a time. */
    private double ingestInBatches(int clients, int entries, int batchSize, String childPrefix) throws Exception {
        for (int c = 0; c < clients; c++) {
            child(childPrefix + "-" + c);
        }
        progress("ingest: " + entries + " entries in batches of " + batchSize + " with " + clients + " client(s)");
        long start = System.nanoTime();
        parallel(clients, c -> {
            List<Object> batch = new ArrayList<>();
            for (int i = c; i < entries; i += clients) {
                batch.add(entryInput(childPrefix + "-" + c, i));
                if (batch.size() == batchSize || i + clients >= entries) {
                    String response = commands.postOk(RECORD_BATCH, object("input", batch));
                    if (response.contains("\"error\":{")) {
                        throw new IllegalStateException("a batch item was refused: " + response);
                    }
                    events.addAndGet(batch.size());
                    batch = new ArrayList<>();
                }
            }
        });
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    /** From a command's receipt to the entry being visible in the chronology, one command at a time. */
    private void lag(int samples) throws Exception {
        child("bench-lag");
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            record("bench-lag", i);
            long sent = System.nanoTime();
            awaitTotalQuietly("bench-lag", i + 1);
            lags.add((System.nanoTime() - sent) / 1e6);
            Thread.sleep(20);
        }
        Collections.sort(lags);
        line("projection lag (receipt to visible)", "p50 %.0f ms, p99 %.0f ms", pct(lags, 50), pct(lags, 99));
    }

    private void pages(String childId, String label) {
        List<Double> latencies = new ArrayList<>();
        String after = null;
        int rounds = quick ? 50 : 200;
        for (int i = 0; i < rounds + 10; i++) {
            long start = System.nanoTime();
            String page = queries.postOk(PAGE, object("childId", childId, "after", after));
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 10) {
                latencies.add(ms); // the first ten warm up
            }
            List<String> cursors = GraphQlClient.strings(page, "endCursor");
            after = (cursors.isEmpty() || i % 20 == 19) ? null : cursors.get(0);
        }
        Collections.sort(latencies);
        line("100-entry chronology page, " + label, "p50 %.1f ms, p99 %.1f ms",
                pct(latencies, 50), pct(latencies, 99));
    }

    private void fill(String childId, int entries, int clients) throws Exception {
        parallel(clients, c -> {
            for (int i = c; i < entries; i += clients) {
                record(childId, 100_000 + i);
            }
        });
    }

    private void fillChildren(int children, int perChild) throws Exception {
        parallel(8, c -> {
            for (int k = c; k < children; k += 8) {
                child("bench-fill-" + k);
                for (int i = 0; i < perChild; i++) {
                    record("bench-fill-" + k, i);
                }
                if (k % 20 == 0) {
                    progress("  " + k + " of " + children + " children, ~" + events.get() + " events");
                }
            }
        });
    }

    private void child(String id) {
        commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", id, "displayName", "Child " + id.toUpperCase(Locale.ROOT))));
        events.incrementAndGet();
    }

    private void record(String childId, int i) {
        commands.postOk(RECORD, object("input", entryInput(childId, i)));
        events.incrementAndGet();
    }

    private static GraphQlClient.Json.Raw entryInput(String childId, int i) {
        Instant occurred = Instant.parse("2015-01-01T00:00:00Z").plus(i * 37L % 2_000, ChronoUnit.DAYS).plusSeconds(i % 86_400);
        return object("childId", childId, "agencyId", "bench-agency-" + i % 10,
                "sourceRef", "REF-" + i, "kind", KINDS[i % KINDS.length], "occurredAt", occurred.toString(),
                "knownAt", occurred.plusSeconds(3_600L * (i % 48)).toString(),
                "summary", "Synthetic entry " + i + " about " + childId + ": seen at home with Mother.",
                "significance", i % 10 == 0 ? "SIGNIFICANT" : "ROUTINE", "professional", "Practitioner " + i % 7);
    }

    private void awaitTotal(String childId, int total) throws InterruptedException {
        long start = System.nanoTime();
        awaitTotalQuietly(childId, total);
        progress(String.format("projection caught up with %s after %.1f s", childId, (System.nanoTime() - start) / 1e9));
    }

    private void awaitTotalQuietly(String childId, int total) throws InterruptedException {
        String query = "query($childId: ID!) { chronology(childId: $childId, first: 1) { totalCount } }";
        while (!queries.postOk(query, object("childId", childId)).contains("\"totalCount\":" + total)) {
            Thread.sleep(2);
        }
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void parallel(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
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

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private void line(String figure, String format, Object... args) {
        String row = "| " + figure + " | " + String.format(Locale.ROOT, format, args) + " |";
        report.add(row);
        System.out.println(row);
    }

    private static void progress(String message) {
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
