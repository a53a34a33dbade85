package org.safeguarding.chronology.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a running service answers at /graphiql, over HTTP, for each service's tests. */
public final class GraphiQlPageChecks {

    private static final Pattern PAGE_FILES = Pattern.compile("(?:src|href)=\"(/graphiql/[^\"]+)\"");
    private static final Pattern STYLESHEET_FILES = Pattern.compile("url\\((assets/[^)]+)\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GraphiQlPageChecks() {
    }

    /**
     * /graphiql answers our page, which loads only files of this service; each of them and each file the
     * stylesheet names answers too, and every answer carries the Content-Security-Policy. Answers the files' paths.
     */
    public static List<String> servedWithItsFiles(String base, String authorization) {
        behindTheLogin(base);
        HttpResponse<String> page = get(base + "/graphiql", authorization);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertProtected(page);
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=")
                .doesNotContain("//");
        List<String> files = matches(PAGE_FILES, page.body(), "");
        assertThat(files).contains("/graphiql/init.js", "/graphiql/vendor/graphiql/graphiql.min.js",
                "/graphiql/vendor/react/react.production.min.js", "/graphiql/vendor/react-dom/react-dom.production.min.js");
        String stylesheet = "/graphiql/vendor/graphiql/graphiql.min.css";
        files.addAll(matches(STYLESHEET_FILES, get(base + stylesheet, authorization).body(), "/graphiql/vendor/graphiql/"));
        for (String file : files) {
            HttpResponse<String> answer = get(base + file, authorization);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertProtected(answer);
        }
        return files;
    }

    /** No /graphiql page and none of its files (the prod profile). */
    public static void absent(String base, String authorization) {
        for (String path : List.of("/graphiql", "/graphiql/index.html", "/graphiql/init.js",
                "/graphiql/vendor/graphiql/graphiql.min.js")) {
            HttpResponse<String> answer = get(base + path, authorization);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertProtected(answer);
        }
    }

    /** Without credentials: a browser is sent to the login page, anything else answered 401. */
    private static void behindTheLogin(String base) {
        try {
            HttpResponse<String> browser = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphiql"))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(browser.statusCode()).isEqualTo(302);
            assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphiql/init.js"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(script.statusCode()).isEqualTo(401);
            assertThat(script.body()).doesNotContain("GraphiQL");
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertProtected(HttpResponse<String> answer) {
        assertThat(answer.headers().allValues(ContentSecurityPolicyFilter.HEADER)).as(answer.uri().toString())
                .containsExactly("default-src 'self'; frame-ancestors 'none'");
    }

    private static List<String> matches(Pattern pattern, String text, String prefix) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(prefix + m.group(1));
        }
        return found;
    }

    private static HttpResponse<String> get(String url, String authorization) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
