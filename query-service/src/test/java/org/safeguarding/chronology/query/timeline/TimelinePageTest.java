package org.safeguarding.chronology.query.timeline;

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
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.graphiql.ContentSecurityPolicyFilter;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /timeline over HTTP: behind the login, and a page that runs only files of this service, every one under the CSP. */
class TimelinePageTest extends QueryServiceTestBase {

    private static final Pattern PAGE_FILES = Pattern.compile("(?:src|href)=\"(/timeline/[^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aBrowserNotLoggedInIsSentToTheLoginAndAScriptGets401() throws Exception {
        HttpResponse<String> browser = send(HttpRequest.newBuilder(uri("/timeline?childId=child-a"))
                .header("Accept", "text/html"));
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertProtected(browser);
        HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/timeline/timeline.js")));
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.body()).doesNotContain("vis.Timeline");
    }

    @Test
    void thePageAndItsFilesAreServedFromTheJarUnderTheContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = send(authorized("/timeline?childId=child-a"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertProtected(page);
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=")
                .doesNotContain("//").contains("<div id=\"entries\" role=\"table\" aria-labelledby=\"entries-caption\">");
        List<String> files = new ArrayList<>();
        Matcher m = PAGE_FILES.matcher(page.body());
        while (m.find()) {
            files.add(m.group(1));
        }
        assertThat(files).contains("/timeline/timeline.js", "/timeline/timeline.css",
                "/timeline/vendor/vis-timeline/vis-timeline-graph2d.min.js",
                "/timeline/vendor/vis-timeline/vis-timeline-graph2d.min.css");
        for (String file : files) {
            HttpResponse<String> answer = send(authorized(file));
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertProtected(answer);
        }
        assertThat(send(authorized("/timeline/vendor/vis-timeline/LICENSE.MIT.txt")).body()).contains("MIT License");
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN_AUTHORIZATION);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProtected(HttpResponse<String> answer) {
        assertThat(answer.headers().allValues(ContentSecurityPolicyFilter.HEADER)).as(answer.uri().toString())
                .containsExactly("default-src 'self'; frame-ancestors 'none'");
    }
}
