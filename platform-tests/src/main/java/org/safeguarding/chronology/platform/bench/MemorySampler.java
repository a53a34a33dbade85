package org.safeguarding.chronology.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples each service's used heap every half second (peak kept) and reads each process's peak RSS at the end. */
final class MemorySampler {

    private final Map<String, String> services = new LinkedHashMap<>();
    private final Path pids;
    private final Map<String, Double> peakHeap = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    MemorySampler(Bench.Options options) {
        services.put("chronology-service", options.commandsBase());
        services.put("query-service", options.queriesBase());
        this.pids = options.pids();
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
        sample();
    }

    private void sample() {
        services.forEach((name, base) -> {
            try {
                double used = heap(base, "jvm.memory.used");
                peakHeap.merge(name, used, Math::max);
            } catch (RuntimeException e) {
                // a missed sample is not a figure
            }
        });
    }

    void report(BenchResults results) {
        services.forEach((name, base) -> {
            double max = heap(base, "jvm.memory.max");
            double peak = peakHeap.getOrDefault(name, Double.NaN);
            long rss = peakRss(name);
            double live = liveHeap(name, base);
            results.add("memory", name + ": peak heap used (sampled every 0.5 s) of max heap; after a full GC; peak RSS",
                    String.format(java.util.Locale.ROOT, "heap %.0f MB of %.0f MB; %s after a full GC; RSS %s",
                            mb(peak), mb(max), live < 0 ? "n/a" : "%.0f MB".formatted(mb(live)),
                            rss < 0 ? "n/a" : "%.0f MB".formatted(mb(rss))),
                    Map.of("peakHeapBytes", peak, "maxHeapBytes", max, "liveHeapBytes", live, "peakRssBytes", rss),
                    null, "heap <= 512 MB", peak <= 512.0 * 1024 * 1024);
        });
        long storeRss = peakRss("embedded-store");
        if (storeRss >= 0) {
            results.add("memory", "embedded store: peak RSS", "%.0f MB".formatted(mb(storeRss)),
                    Map.of("peakRssBytes", storeRss), null, null, null);
        }
    }

    /** The heap still used after {@code jcmd <pid> GC.run} (what the service holds on to), or -1. */
    private double liveHeap(String name, String base) {
        if (pids == null) {
            return -1;
        }
        try {
            String pid = Files.readString(pids.resolve(name + ".pid")).trim();
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return -1;
            }
            return heap(base, "jvm.memory.used");
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double heap(String base, String metric) {
        String body = Http.get(base + "/actuator/metrics/" + metric + "?tag=area:heap");
        return Bench.number(body, "value");
    }

    /** VmHWM of the process named in {@code <pids>/<name>.pid}, or -1. */
    private long peakRss(String name) {
        if (pids == null) {
            return -1;
        }
        try {
            String pid = Files.readString(pids.resolve(name + ".pid")).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static double mb(double bytes) {
        return bytes / 1024 / 1024;
    }
}
