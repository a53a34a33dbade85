package org.safeguarding.chronology.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.safeguarding.chronology.platform.GraphQlClient.Json;

/** The bench's figures: printed as they come, then written as JSON, a Markdown table and an SVG chart. */
final class BenchResults {

    /** One figure; ratio is to its baseline (the store's limit, or the projection for the replay). */
    record Figure(String section, String name, String value, Map<String, Object> data, Double ratio, String goal,
                  Boolean met) {
    }

    private final boolean quick;
    private final List<Figure> figures = new ArrayList<>();
    private final List<LatencyChart.Point> points = new ArrayList<>();

    BenchResults(boolean quick) {
        this.quick = quick;
    }

    synchronized void add(String section, String name, String value, Map<String, ?> data, Double ratio, Double goalRatio) {
        add(section, name, value, data, ratio,
                goalRatio == null ? null : goalRatio >= 2 ? "%.0fx".formatted(goalRatio) : "ratio >= %.2f".formatted(goalRatio),
                goalRatio == null ? null : section.equals("replay")
                        ? (Double) data.get("ratio") >= goalRatio : ratio != null && ratio >= goalRatio);
    }

    synchronized void add(String section, String name, String value, Map<String, ?> data, Double ratio, String goal,
                          Boolean met) {
        Figure figure = new Figure(section, name, value, new LinkedHashMap<>(data), ratio, goal, met);
        figures.add(figure);
        System.out.println(row(figure));
    }

    synchronized void latency(String query, int childEntries, long storeEvents, double p50, double p99, int samples,
                              String label, Double goalMillis) {
        points.add(new LatencyChart.Point(query, childEntries, storeEvents, p50, p99));
        add("queries", query + label, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", p50, p99),
                Map.of("query", query, "childEntries", childEntries, "storeEvents", storeEvents, "p50Millis", p50,
                        "p99Millis", p99, "samples", samples),
                null, goalMillis == null ? null : "p99 <= %.0f ms".formatted(goalMillis),
                goalMillis == null ? null : p99 <= goalMillis);
    }

    /** Whether each page query's p99 for the largest child stays within 20% from the smallest to the largest store. */
    private void flatness() {
        int largest = points.stream().mapToInt(LatencyChart.Point::childEntries).max().orElse(0);
        for (String query : List.of("chronology page", "as-of page")) {
            List<LatencyChart.Point> series = points.stream()
                    .filter(p -> p.query().equals(query) && p.childEntries() == largest).toList();
            if (series.size() < 2) {
                continue;
            }
            LatencyChart.Point first = series.get(0);
            LatencyChart.Point last = series.get(series.size() - 1);
            double growth = last.p99Millis() / first.p99Millis() - 1;
            add("queries", String.format(Locale.ROOT, "%s p99 growth, child of %d entries, %d to %d events", query,
                            largest, first.storeEvents(), last.storeEvents()),
                    String.format(Locale.ROOT, "%+.0f%% (%.1f to %.1f ms)", growth * 100, first.p99Millis(),
                            last.p99Millis()),
                    Map.of("growth", growth), null, "within 20%", growth <= 0.20);
        }
    }

    void write(Bench.Options options, Instant finished) throws IOException {
        flatness();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", finished.toString());
        json.put("mode", quick ? "quick" : options.patterns() ? "patterns only" : options.files() ? "files only"
                : options.timeline() ? "timeline only" : "full");
        json.put("seed", options.seed());
        json.put("machine", machine(options));
        List<Object> list = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", figure.section());
            item.put("figure", figure.name());
            item.put("value", figure.value());
            item.putAll(figure.data());
            if (figure.ratio() != null) {
                item.put("ratioToLimit", figure.ratio());
            }
            if (figure.goal() != null) {
                item.put("goal", figure.goal());
                item.put("goalMet", figure.met());
            }
            list.add(item);
        }
        json.put("figures", list);
        Path jsonFile = options.file("json");
        Files.writeString(jsonFile, Json.value(json) + "\n");

        System.out.println();
        figures.forEach(figure -> System.out.println(row(figure)));
        System.out.println();
        render(jsonFile);
    }

    /** Writes the Markdown tables ({@code .md}) and the chart ({@code .svg}) of a results file beside it. */
    @SuppressWarnings("unchecked")
    static void render(Path jsonFile) throws IOException {
        Document results = Document.parse(Files.readString(jsonFile));
        BenchResults read = new BenchResults("quick".equals(results.getString("mode")));
        for (Document item : results.getList("figures", Document.class)) {
            Map<String, Object> data = new LinkedHashMap<>(item);
            List.of("section", "figure", "value", "ratioToLimit", "goal", "goalMet").forEach(data::remove);
            read.figures.add(new Figure(item.getString("section"), item.getString("figure"), item.getString("value"),
                    data, item.get("ratioToLimit") == null ? null : ((Number) item.get("ratioToLimit")).doubleValue(),
                    item.getString("goal"), item.getBoolean("goalMet")));
            if ("queries".equals(item.getString("section")) && item.get("p99Millis") != null) {
                read.points.add(new LatencyChart.Point(item.getString("query"),
                        ((Number) item.get("childEntries")).intValue(), ((Number) item.get("storeEvents")).longValue(),
                        ((Number) item.get("p50Millis")).doubleValue(), ((Number) item.get("p99Millis")).doubleValue()));
            }
        }
        Document machine = results.get("machine", Document.class);
        String base = jsonFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path svgFile = jsonFile.resolveSibling(base + ".svg");
        Files.writeString(svgFile, LatencyChart.svg("Query latency against store size (" + machine.get("cpus")
                + " cores, " + machine.get("store") + ")", read.points, Map.of("chronology page", 20.0, "as-of page", 20.0)));
        Path mdFile = jsonFile.resolveSibling(base + ".md");
        Files.writeString(mdFile, read.markdown(results, machine, svgFile.getFileName().toString()));
        System.out.println("written: " + jsonFile + ", " + mdFile + ", " + svgFile);
    }

    private String markdown(Document results, Document machine, String chart) {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(results.getString("date")).append(" (").append(results.getString("mode"))
                .append(", seed ").append(results.get("seed")).append("). Machine: ")
                .append(machine.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("; "))).append(".\n\n");
        b.append("| figure | value | ratio to the limit | goal | met |\n|---|---|---|---|---|\n");
        figures.stream().filter(figure -> !figure.section().equals("queries") && !figure.section().equals("replay"))
                .forEach(figure -> b.append(row(figure)).append('\n'));
        figures.stream().filter(figure -> figure.section().equals("queries") && figure.data().get("p99Millis") == null)
                .forEach(figure -> b.append(row(figure)).append('\n'));

        List<Long> stores = points.stream().map(LatencyChart.Point::storeEvents).distinct().sorted().toList();
        b.append("\nQuery latency through the GraphQL API, p50 / p99 in ms (a page is 100 entries), by events in the "
                + "store; the last rows are the literal replay's p50 over the projection's:\n\n| query | child of |");
        stores.forEach(store -> b.append(String.format(Locale.ROOT, " %,d events |", store)));
        b.append(" goal | met |\n|---|---|");
        stores.forEach(store -> b.append("---|"));
        b.append("---|---|\n");
        Map<String, Map<Integer, Map<Long, Figure>>> matrix = new LinkedHashMap<>();
        figures.stream().filter(figure -> figure.data().get("childEntries") != null
                        && (figure.section().equals("queries") || figure.section().equals("replay")))
                .forEach(figure -> matrix
                        .computeIfAbsent(figure.section().equals("replay") ? "replay / projection, caseState"
                                : (String) figure.data().get("query"), query -> new LinkedHashMap<>())
                        .computeIfAbsent(((Number) figure.data().get("childEntries")).intValue(), size -> new LinkedHashMap<>())
                        .put(((Number) figure.data().get("storeEvents")).longValue(), figure));
        matrix.forEach((query, bySize) -> bySize.forEach((size, byStore) -> {
            b.append("| ").append(query).append(" | ").append(String.format(Locale.ROOT, "%,d", size)).append(" |");
            String goal = "";
            Boolean met = null;
            for (long store : stores) {
                Figure figure = byStore.get(store);
                if (figure == null) {
                    b.append(" |");
                    continue;
                }
                b.append(' ').append(figure.data().get("p99Millis") != null
                        ? String.format(Locale.ROOT, "%.1f / %.1f", ((Number) figure.data().get("p50Millis")).doubleValue(),
                                ((Number) figure.data().get("p99Millis")).doubleValue())
                        : String.format(Locale.ROOT, "%.0fx", ((Number) figure.data().get("ratio")).doubleValue()))
                        .append(" |");
                if (figure.goal() != null) {
                    goal = figure.goal();
                    met = (met == null || met) && Boolean.TRUE.equals(figure.met());
                }
            }
            b.append(' ').append(goal).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
        }));
        b.append("\n![Query latency against store size](").append(chart).append(")\n");
        return b.toString();
    }

    private static String row(Figure figure) {
        return "| " + figure.name() + " | " + figure.value() + " | "
                + Optional.ofNullable(figure.ratio()).map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("") + " | "
                + Optional.ofNullable(figure.goal()).orElse("") + " | "
                + (figure.met() == null ? "" : figure.met() ? "yes" : "**no**") + " |";
    }

    private static Map<String, Object> machine(Bench.Options options) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memory", memory());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("store", System.getenv("MONGODB_URI") == null
                ? "embedded store (mongo-java-server, H2 file)" : "MongoDB at MONGODB_URI");
        machine.put("serviceJavaOpts", Optional.ofNullable(System.getenv("JAVA_OPTS")).orElse("(run.sh default)"));
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
