package org.safeguarding.chronology.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, JSON messages), with the network
 * to anything but this machine's loopback cut: every host name resolves to nothing but localhost, and every other
 * request goes to a proxy where nothing listens. A fresh profile each time, removed on close.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket.Builder sockets, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = sockets.buildAsync(endpoint, new Messages()).join();
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Chromium as a process, its output in the log; answers once its DevTools endpoint is open. */
    public static Chromium launch(Path log) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(),
                "--headless", "--disable-gpu", "--window-size=1400,900", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--metrics-recording-only",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                // nothing listens there; loopback addresses bypass a proxy by default
                "--proxy-server=http://127.0.0.1:" + closedPort(),
                "about:blank"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--no-sandbox");
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            URI endpoint = devToolsEndpoint(process, profile, log);
            return new Chromium(process, profile, HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10)), endpoint);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            delete(profile);
            throw e;
        }
    }

    /** Chromium writes its port and the browser's path into the profile once it listens. */
    private static URI devToolsEndpoint(Process process, Path profile, Path log) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium stopped at start-up (exit " + process.exitValue() + "):\n"
                        + Files.readString(log));
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium opened no DevTools port within 30 s:\n" + Files.readString(log));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A new tab, attached, with the Page, Network, Runtime and Log domains enabled and their events recorded. */
    public Page open() {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        Page page = new Page(session);
        pages.put(session, page);
        for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
            call(session, domain + ".enable", Map.of());
        }
        // run before any script of each document: the page's own CSP does not apply to it
        call(session, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                    e.violatedDirective + ' refused ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
                """));
        return page;
    }

    private JsonNode call(String session, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
            JsonNode response = answer.get(30, TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception alreadyGone) {
            socket.abort();
        }
        stop(process);
        delete(profile);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Answers go to their callers; events to the page of their session. */
    private final class Messages implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else {
                        Page page = pages.get(message.path("sessionId").asText());
                        if (page != null) {
                            page.event(message.path("method").asText(), message.path("params"));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON from chromium: " + text, e);
                } finally {
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** One tab: what it requested, what went wrong in it, and ways to act on it as a person would. */
    public final class Page {

        private final String session;
        public final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<String> problems = new CopyOnWriteArrayList<>();

        private Page(String session) {
            this.session = session;
        }

        private void event(String method, JsonNode params) {
            switch (method) {
                case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
                case "Network.loadingFailed" -> {
                    if (!params.path("canceled").asBoolean()) {
                        problems.add("request failed: " + params.path("errorText").asText() + " "
                                + params.path("blockedReason").asText(""));
                    }
                }
                case "Runtime.exceptionThrown" -> problems.add("exception: "
                        + params.path("exceptionDetails").path("exception").path("description").asText(
                                params.path("exceptionDetails").path("text").asText()));
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        problems.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Page.javascriptDialogOpening" -> {
                    problems.add("dialog: " + params.path("type").asText() + " " + params.path("message").asText());
                    // answered from another thread: this one delivers the answer
                    CompletableFuture.runAsync(() -> call(session, "Page.handleJavaScriptDialog", Map.of("accept", false)));
                }
                case "Log.entryAdded" -> {
                    JsonNode entry = params.path("entry");
                    if (entry.path("level").asText().equals("error")) {
                        problems.add(entry.path("source").asText() + " error: " + entry.path("text").asText()
                                + " " + entry.path("url").asText(""));
                    }
                }
                default -> { }
            }
        }

        /** Console errors, uncaught exceptions, failed requests and CSP violations seen so far. */
        public List<String> problems() {
            List<String> all = new ArrayList<>(problems);
            JsonNode violations = evaluate("window.__cspViolations || []");
            violations.forEach(v -> all.add("CSP violation: " + v.asText()));
            return all;
        }

        public void navigate(String url) {
            JsonNode result = call(session, "Page.navigate", Map.of("url", url));
            if (result.hasNonNull("errorText")) {
                throw new IllegalStateException("cannot open " + url + ": " + result.get("errorText").asText());
            }
            waitFor("document.readyState === 'complete'", "the page at " + url + " to load");
        }

        /** The value of a JavaScript expression in the page (a promise is awaited). */
        public JsonNode evaluate(String expression) {
            JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression,
                    "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /** Waits up to 30 s until the expression is truthy; answers its last value. */
        public JsonNode waitFor(String expression, String what) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode value;
            do {
                value = evaluate(expression);
                if (!value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
                        && !(value.isTextual() && value.asText().isEmpty())) {
                    return value;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } while (System.nanoTime() < deadline);
            throw new AssertionError("waited 30 s for " + what + "; the page shows:\n"
                    + evaluate("document.body ? document.body.innerText : document.documentElement.outerHTML")
                    + "\nproblems: " + problems());
        }

        /** A mouse click (press and release of the left button) at the middle of the first element matching, scrolled into view. */
        public void click(String selector) {
            JsonNode box = waitFor("""
                    (() => { const e = document.querySelector(%s); if (!e) return null;
                      e.scrollIntoView({block: 'nearest', inline: 'nearest'}); const r = e.getBoundingClientRect(); return r.width > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null; })()
                    """.formatted(JSON.valueToTree(selector)), selector + " to be shown");
            for (String type : List.of("mousePressed", "mouseReleased")) {
                call(session, "Input.dispatchMouseEvent", Map.of("type", type, "x", box.get(0).asDouble(),
                        "y", box.get(1).asDouble(), "button", "left", "clickCount", 1));
            }
        }

        /** Presses and releases a key that types no text (ArrowRight, Enter, Tab, ...) in the focused element. */
        public void press(String key, int keyCode) {
            for (String type : List.of("rawKeyDown", "keyUp")) {
                call(session, "Input.dispatchKeyEvent", Map.of("type", type, "key", key, "code", key,
                        "windowsVirtualKeyCode", keyCode, "nativeVirtualKeyCode", keyCode));
            }
        }

        /** Presses the left button at one point, moves in steps to another and releases it there. */
        public void drag(double fromX, double fromY, double toX, double toY, int steps) {
            call(session, "Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", fromX, "y", fromY,
                    "button", "left", "buttons", 1, "clickCount", 1));
            for (int i = 1; i <= steps; i++) {
                call(session, "Input.dispatchMouseEvent", Map.of("type", "mouseMoved",
                        "x", fromX + (toX - fromX) * i / steps, "y", fromY + (toY - fromY) * i / steps,
                        "button", "left", "buttons", 1));
            }
            call(session, "Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", toX, "y", toY,
                    "button", "left", "buttons", 0, "clickCount", 1));
        }

        /**
         * Fills Spring Security's login form shown in the page (fields username and password) as a person would,
         * submits it, and waits until it leads back to the page at this path.
         */
        public void logIn(String username, String password, String path) {
            click("input[name='username']");
            type(username);
            click("input[name='password']");
            type(password);
            click("button[type='submit'], input[type='submit']");
            waitFor("location.pathname === '%s' && document.readyState === 'complete'".formatted(path),
                    "the login to lead back to " + path);
        }

        /** Types text into the focused element, as the keyboard would. */
        public void type(String text) {
            call(session, "Input.insertText", Map.of("text", text));
        }

        public byte[] screenshot() {
            return Base64.getDecoder().decode(
                    call(session, "Page.captureScreenshot", Map.of("format", "png")).path("data").asText());
        }
    }
}
