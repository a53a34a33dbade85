package org.safeguarding.chronology.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.safeguarding.chronology.platform.Credentials;

/** Plain HTTP calls to the services' actuator endpoints and their file endpoints. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static volatile Credentials credentials = Credentials.fromEnvironment();

    private Http() {
    }

    /** The user every later call is made as (the actuator's endpoints but health are ADMIN's). */
    public static void as(Credentials user) {
        credentials = user;
    }

    public static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public static String post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public static String post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A file as the body, with its content type: the answer's body, which must be 2xx. */
    public static String post(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Reads the whole answer, which must be 2xx, and tells its size in bytes; keeps none of it. */
    public static long download(String url) {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .GET().build());
        try {
            HttpResponse<java.io.InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(url + " answered HTTP " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest authorized(HttpRequest unauthenticated) {
        Credentials user = credentials;
        return user == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (name, value) -> true)
                        .header("Authorization", user.authorization()).build();
    }

    private static String send(HttpRequest unauthenticated) {
        HttpRequest request = authorized(unauthenticated);
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
