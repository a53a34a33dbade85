package org.safeguarding.chronology.platform.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Renders benchmark latency measurements as a self-contained SVG document (JDK only, no libraries). */
public final class LatencyChart {

    /** One measured point: a query kind (e.g. "chronology page"), the child's entry count (100, 1000, 10000), the store size in events, and p50/p99 in ms. */
    public record Point(String query, int childEntries, long storeEvents, double p50Millis, double p99Millis) {}

    private static final int PANEL_W = 420, PANEL_H = 300, PAD = 10, TOP = 40;
    private static final int ML = 56, MR = 16, MT = 30, MB = 44; // plot margins inside a panel
    private static final String FONT = "font-family=\"sans-serif\"";
    private static final String[] FALLBACK = {"#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4", "#666666", "#b15928"};

    private LatencyChart() {}

    /**
     * An SVG document (UTF-8 string) charting p99 (solid line, filled circle markers) and p50 (dashed line, hollow
     * markers) latency against store size; a query's goal, if it has one, is drawn as a dotted line on its panel.
     */
    public static String svg(String title, List<Point> points, Map<String, Double> goalMillisByQuery) {
        List<Point> pts = points == null ? List.of() : points.stream().filter(Objects::nonNull).toList();
        Map<String, List<Point>> panels = new LinkedHashMap<>();
        for (Point p : pts) panels.computeIfAbsent(String.valueOf(p.query()), k -> new ArrayList<>()).add(p);
        int cols = Math.max(1, Math.min(2, panels.size()));
        int width = cols * PANEL_W + 2 * PAD;
        StringBuilder body = new StringBuilder();
        text(body, width / 2.0, 26, "middle", 13, "bold", "#000", title == null ? "" : title);
        if (panels.isEmpty()) {
            text(body, width / 2.0, 70, "middle", 12, "normal", "#666", "no data");
            return document(width, 100, body);
        }
        // Colours per child size, consistent across panels.
        Map<Integer, String> colours = new TreeMap<>();
        int fb = 0;
        for (int c : new TreeSet<>(pts.stream().map(Point::childEntries).toList())) {
            String fixed = switch (c) { case 100 -> "#1b9e77"; case 1000 -> "#d95f02"; case 10000 -> "#7570b3"; default -> null; };
            colours.put(c, fixed != null ? fixed : FALLBACK[fb++ % FALLBACK.length]);
        }
        // Legend (wraps onto further rows when it is wider than the figure).
        double lx = PAD + 10, ly = TOP + 8;
        List<String[]> items = new ArrayList<>(); // {colour, dash, hollow, label}
        colours.forEach((c, col) -> items.add(new String[]{col, "", "false", "child of " + c + " entries"}));
        items.add(new String[]{"#444", "", "false", "p99 (solid, filled)"});
        items.add(new String[]{"#444", "5,4", "true", "p50 (dashed, hollow)"});
        for (String[] it : items) {
            double w = 34 + it[3].length() * 6.3 + 16;
            if (lx + w > width - PAD && lx > PAD + 10) { lx = PAD + 10; ly += 20; }
            line(body, lx, ly, lx + 28, ly, it[0], 2, it[1]);
            marker(body, lx + 14, ly, it[0], Boolean.parseBoolean(it[2]));
            text(body, lx + 34, ly + 4, "start", 11, "normal", "#222", it[3]);
            lx += w;
        }
        double top = ly + 18;
        int i = 0;
        for (Map.Entry<String, List<Point>> e : panels.entrySet()) {
            panel(body, e.getKey(), e.getValue(), PAD + (i % cols) * PANEL_W, top + (i / cols) * PANEL_H, colours,
                    goalMillisByQuery.getOrDefault(e.getKey(), 0.0));
            i++;
        }
        int rows = (panels.size() + cols - 1) / cols;
        return document(width, (int) Math.ceil(top + rows * PANEL_H + PAD), body);
    }

    private static void panel(StringBuilder sb, String name, List<Point> pts, double x0, double y0,
                              Map<Integer, String> colours, double goal) {
        double px0 = x0 + ML, px1 = x0 + PANEL_W - MR, py0 = y0 + MT, py1 = y0 + PANEL_H - MB;
        text(sb, x0 + PANEL_W / 2.0, y0 + 18, "middle", 12, "bold", "#000", name);
        // x: log10 of store size, whole decades covering the data (one decade around a single size).
        double minL = pts.stream().mapToDouble(p -> lg(p.storeEvents())).min().orElse(0);
        double maxL = pts.stream().mapToDouble(p -> lg(p.storeEvents())).max().orElse(0);
        double lo = Math.floor(minL), hi = Math.ceil(maxL);
        if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
        final double xlo = lo, xspan = hi - lo;
        // y: linear from 0 to a nice max with 4-6 intervals.
        double maxP99 = pts.stream().mapToDouble(p -> ms(p.p99Millis())).max().orElse(0);
        double maxP50 = pts.stream().mapToDouble(p -> ms(p.p50Millis())).max().orElse(0);
        double want = Math.max(goal > 0 ? goal * 1.2 : 0, Math.max(maxP99, maxP50) * 1.1);
        if (want <= 0) want = 1; // all-zero data and no goal
        double step = niceStep(want);
        int n = (int) Math.ceil(want / step - 1e-9);
        double ymax = n * step;
        java.util.function.DoubleUnaryOperator sx = lg10 -> px0 + (lg10 - xlo) / xspan * (px1 - px0);
        java.util.function.DoubleUnaryOperator sy = v -> py1 - v / ymax * (py1 - py0);
        for (int k = 0; k <= n; k++) {
            double y = sy.applyAsDouble(k * step);
            line(sb, px0, y, px1, y, "#e3e3e3", 1, "");
            text(sb, px0 - 6, y + 4, "end", 11, "normal", "#333", fmt(k * step));
        }
        for (int k = (int) Math.ceil(lo - 1e-9); k <= Math.floor(hi + 1e-9); k++) {
            double x = sx.applyAsDouble(k);
            line(sb, x, py0, x, py1, "#e3e3e3", 1, "");
            text(sb, x, py1 + 16, "middle", 11, "normal", "#333", powLabel(k));
        }
        line(sb, px0, py1, px1, py1, "#000", 1, "");
        line(sb, px0, py0, px0, py1, "#000", 1, "");
        text(sb, (px0 + px1) / 2, py1 + 34, "middle", 11, "normal", "#333", "store size (events, log scale)");
        double cy = (py0 + py1) / 2, cx = x0 + 14;
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" %s fill=\"#333\" transform=\"rotate(-90 %.1f %.1f)\">latency (ms)</text>%n",
                cx, cy, FONT, cx, cy));
        if (goal > 0) {
            double gy = sy.applyAsDouble(goal);
            line(sb, px0, gy, px1, gy, "#d62728", 1.5, "2,3");
            StringBuilder label = new StringBuilder(); // white halo keeps the label readable over series lines
            text(label, px1 - 4, gy - 5, "end", 11, "normal", "#d62728", "goal p99 \u2264 " + fmt(goal) + " ms");
            sb.append(label.toString().replace("<text ", "<text paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" "));
        }
        Map<Integer, List<Point>> series = new TreeMap<>();
        for (Point p : pts) series.computeIfAbsent(p.childEntries(), k -> new ArrayList<>()).add(p);
        series.forEach((child, list) -> {
            list.sort(Comparator.comparingLong(Point::storeEvents));
            String col = colours.get(child);
            for (boolean p99 : new boolean[]{false, true}) {
                StringBuilder path = new StringBuilder();
                for (Point p : list) path.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                        sx.applyAsDouble(lg(p.storeEvents())), sy.applyAsDouble(ms(p99 ? p.p99Millis() : p.p50Millis()))));
                sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path.toString().trim(), col, p99 ? "" : " stroke-dasharray=\"5,4\""));
                for (Point p : list) marker(sb, sx.applyAsDouble(lg(p.storeEvents())),
                        sy.applyAsDouble(ms(p99 ? p.p99Millis() : p.p50Millis())), col, !p99);
            }
        });
    }

    private static double lg(long events) { return Math.log10(Math.max(1L, events)); }

    private static double ms(double v) { return Double.isFinite(v) && v > 0 ? v : 0; }

    /** Smallest step from {1, 2, 2.5, 5} x 10^k giving at most 6 intervals (which always yields at least 4). */
    private static double niceStep(double max) {
        for (int e = (int) Math.floor(Math.log10(max)) - 2; ; e++) {
            for (double m : new double[]{1, 2, 2.5, 5}) {
                double s = m * Math.pow(10, e);
                if (Math.ceil(max / s - 1e-9) <= 6) return s;
            }
        }
    }

    private static String powLabel(int k) {
        String[] suffix = {"", "k", "M", "B"};
        if (k < 0 || k >= 12) return "1e" + k;
        return (int) Math.pow(10, k % 3) + suffix[k / 3];
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String col, double w, String dash) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                x1, y1, x2, y2, col, fmt(w), dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static void marker(StringBuilder sb, double x, double y, String col, boolean hollow) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                x, y, hollow ? "#fff" : col, col));
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, int size, String weight, String col, String s) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" %s fill=\"%s\">%s</text>%n",
                x, y, anchor, size, weight, FONT, col, esc(s)));
    }

    private static String document(int w, int h, StringBuilder body) {
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n"
                + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", w, h, w, h, w, h) + body + "</svg>\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
