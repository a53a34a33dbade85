package org.safeguarding.chronology.platform.bench;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.safeguarding.chronology.platform.GraphQlClient;

/**
 * The spreadsheet import and the chronology export, each beside its baseline in the same run: an agency's
 * spreadsheet of n rows imported as CSV and as XLSX against {@code recordEntries} of the same rows in batches of
 * 1,000; and a child's chronology exported in each format against reading the same view through GraphQL, page by
 * page, with the query service's heap sampled during each. Reports figures; asserts nothing.
 */
final class FilesBench {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String[] KINDS = {"CONTACT", "HOME_VISIT", "APPOINTMENT_ATTENDED", "APPOINTMENT_MISSED",
            "CONCERN_RAISED", "CHILD_SEEN", "OTHER"};
    private static final String[] WORDS = ("visit seen home mother baby school attended concern bruise nursery "
            + "appointment missed partner address housing called report plan review weight feeding sleeping "
            + "crying explained contact letter phoned").split(" ");
    private static final String RECORD_BATCH = """
            mutation($input: [RecordEntryInput!]!) { recordEntries(input: $input) { index error { classification message } } }""";
    private static final String PAGE = """
            query($childId: ID!, $after: String) { chronology(childId: $childId, first: 500, after: $after) {
              pageInfo { endCursor hasNextPage } edges { node { id occurredAtText childAge sincePrevious
                agency { name } sourceRef kind summary significance professional version
                knownTo { agency { name } since how channel } } } } }""";

    private final GraphQlClient commands;
    private final GraphQlClient queries;
    private final Bench.Options options;
    private final BenchResults results;
    private final String agencyId;

    FilesBench(GraphQlClient commands, GraphQlClient queries, Bench.Options options, BenchResults results,
               String agencyId) {
        this.commands = commands;
        this.queries = queries;
        this.options = options;
        this.results = results;
        this.agencyId = agencyId;
    }

    /** One import row: the contract's columns, as an agency's spreadsheet writes them. */
    private record ImportRow(String sourceRef, Instant occurred, String kind, String summary, String significance,
                             String professional) {

        String occurredText() {
            return DAY_TIME.format(LocalDateTime.ofInstant(occurred, LONDON));
        }
    }

    void importFigures(int rows) throws IOException {
        List<ImportRow> sheet = rows(rows);
        byte[] csv = csv(sheet);
        byte[] xlsx = xlsx(sheet);
        double baseline = recordEntries("bench-files-records-" + rows, sheet);
        importFigure("CSV", "text/csv", csv, "bench-files-csv-" + rows, rows, baseline);
        importFigure("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx,
                "bench-files-xlsx-" + rows, rows, baseline);
    }

    private void importFigure(String format, String contentType, byte[] file, String childId, int rows,
                              double baseline) {
        register(childId);
        Bench.progress("import of a " + rows + "-row " + format + " (" + file.length / 1024 + " kB)");
        long start = System.nanoTime();
        String answer = Http.post(options.commandsBase() + "/imports/chronology?childId=" + childId + "&agencyId="
                + agencyId, contentType, file);
        double seconds = (System.nanoTime() - start) / 1e9;
        double imported = Bench.number(answer, "imported");
        double perSecond = imported / seconds;
        results.add("files", "import, " + rows + "-row " + format + " (" + file.length / 1024 + " kB), one request",
                "%.0f rows/s (%.1f s)".formatted(perSecond, seconds),
                Map.of("rowsPerSecond", perSecond, "rows", imported, "seconds", seconds, "bytes", file.length),
                perSecond / baseline, null);
        long again = System.nanoTime();
        String repeat = Http.post(options.commandsBase() + "/imports/chronology?childId=" + childId + "&agencyId="
                + agencyId, contentType, file);
        double repeatSeconds = (System.nanoTime() - again) / 1e9;
        results.add("files", "the same " + format + " imported again (every row a duplicate)",
                "%.1f s, %.0f duplicates".formatted(repeatSeconds, Bench.number(repeat, "duplicates")),
                Map.of("seconds", repeatSeconds, "duplicates", Bench.number(repeat, "duplicates")), null, null);
    }

    /** The baseline: the same rows through recordEntries, batches of 1,000, one client. */
    private double recordEntries(String childId, List<ImportRow> sheet) {
        register(childId);
        Bench.progress("recordEntries of the same " + sheet.size() + " rows, batches of 1,000");
        long start = System.nanoTime();
        for (int from = 0; from < sheet.size(); from += 1_000) {
            List<Object> batch = new ArrayList<>();
            for (ImportRow row : sheet.subList(from, Math.min(sheet.size(), from + 1_000))) {
                batch.add(object("childId", childId, "agencyId", agencyId, "sourceRef", row.sourceRef(),
                        "kind", row.kind(), "occurredAt", row.occurred().toString(),
                        "knownAt", row.occurred().toString(), "summary", row.summary(),
                        "significance", row.significance(), "professional", row.professional()));
            }
            String answer = commands.postOk(RECORD_BATCH, object("input", batch));
            if (answer.contains("\"classification\"")) {
                throw new IllegalStateException("recordEntries refused a bench row: " + answer);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = sheet.size() / seconds;
        results.add("files", "baseline: recordEntries of the same " + sheet.size() + " rows, batches of 1,000",
                "%.0f rows/s (%.1f s)".formatted(perSecond, seconds),
                Map.of("rowsPerSecond", perSecond, "rows", sheet.size(), "seconds", seconds), null, null);
        return perSecond;
    }

    /** Each format of the child's whole chronology, against reading the same view through GraphQL. */
    void exportFigures(String childId, int entries) throws InterruptedException {
        HeapWatch heap = new HeapWatch(options.queriesBase(), options.pids());
        long start = System.nanoTime();
        long pages = 0;
        long bytes = 0;
        String after = null;
        heap.begin();
        do {
            String page = queries.postOk(PAGE, object("childId", childId, "after", after));
            bytes += page.length();
            pages++;
            after = page.contains("\"hasNextPage\":true") ? GraphQlClient.string(page, "endCursor") : null;
        } while (after != null);
        double baseline = (System.nanoTime() - start) / 1e9;
        long baselineHeap = heap.end();
        results.add("files", "baseline: chronology of " + entries + " entries through GraphQL, pages of 500",
                "%.2f s (%d pages, %d kB), heap +%d MB".formatted(baseline, pages, bytes / 1024, baselineHeap >> 20),
                Map.of("seconds", baseline, "pages", pages, "bytes", bytes, "peakHeapAboveStartBytes", baselineHeap),
                null, null);
        for (String format : List.of("csv", "xlsx", "docx", "pdf")) {
            Bench.progress("export of " + entries + " entries as " + format);
            heap.begin();
            long began = System.nanoTime();
            long size = Http.download(options.queriesBase() + "/exports/chronology?childId=" + childId + "&format="
                    + format);
            double seconds = (System.nanoTime() - began) / 1e9;
            long peak = heap.end();
            results.add("files", "export of " + entries + " entries as " + format.toUpperCase(Locale.ROOT),
                    "%.2f s, %d kB, heap +%d MB".formatted(seconds, size / 1024, peak >> 20),
                    Map.of("seconds", seconds, "bytes", size, "peakHeapAboveStartBytes", peak),
                    seconds / baseline, null);
        }
    }

    private void register(String childId) {
        commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", childId, "displayName", "Child " + childId.toUpperCase(Locale.ROOT),
                        "dateOfBirth", "2016-03-01")));
    }

    private List<ImportRow> rows(int count) {
        SplittableRandom random = new SplittableRandom(options.seed());
        Instant occurred = Instant.parse("2016-03-02T09:00:00Z");
        List<ImportRow> rows = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            occurred = occurred.plus(Duration.ofMinutes(60 + random.nextInt(60 * 12))); // 10,000 rows: about 7 years
            StringBuilder summary = new StringBuilder();
            for (int w = 6 + random.nextInt(20); w > 0; w--) {
                summary.append(summary.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            rows.add(new ImportRow("HV-" + (100_000 + n), occurred.truncatedTo(ChronoUnit.MINUTES),
                    KINDS[random.nextInt(KINDS.length)], summary.toString(),
                    random.nextInt(5) == 0 ? "SIGNIFICANT" : "ROUTINE", "Health Visitor " + (1 + random.nextInt(6))));
        }
        return rows;
    }

    private static final String[] HEADERS = {"Source ref", "Occurred", "Kind", "Summary", "Significance",
            "Professional"};

    private static String[] cells(ImportRow row) {
        return new String[] {row.sourceRef(), row.occurredText(), row.kind(), row.summary(), row.significance(),
                row.professional()};
    }

    private static byte[] csv(List<ImportRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", HEADERS) + "\r\n");
            for (ImportRow row : rows) {
                List<String> quoted = new ArrayList<>();
                for (String cell : cells(row)) {
                    quoted.add('"' + cell.replace("\"", "\"\"") + '"');
                }
                writer.write(String.join(",", quoted) + "\r\n");
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(List<ImportRow> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Chronology");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = cells(rows.get(r));
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    /**
     * The query service's heap in use, sampled every 50 ms between begin and end: its peak above the heap in use at
     * the start, which is after a full GC when the service's pid is known.
     */
    private static final class HeapWatch {

        private final String base;
        private final java.nio.file.Path pids;
        private ScheduledExecutorService timer;
        private final AtomicLong peak = new AtomicLong();
        private long start;

        HeapWatch(String base, java.nio.file.Path pids) {
            this.base = base;
            this.pids = pids;
        }

        void begin() throws InterruptedException {
            fullGc();
            start = used();
            peak.set(start);
            timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(() -> {
                try {
                    peak.accumulateAndGet(used(), Math::max);
                } catch (RuntimeException missed) {
                    // a missed sample is not a figure
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
        }

        long end() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            peak.accumulateAndGet(used(), Math::max);
            return Math.max(0, peak.get() - start);
        }

        private void fullGc() throws InterruptedException {
            if (pids == null) {
                return;
            }
            try {
                String pid = java.nio.file.Files.readString(pids.resolve("query-service.pid")).trim();
                new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
            } catch (IOException notThisTime) {
                // the figure is then above a heap that holds garbage too
            }
        }

        private long used() {
            return (long) Bench.number(Http.get(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"), "value");
        }
    }
}
