package org.safeguarding.chronology.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small GraphQL-over-HTTP client on the JDK alone, so the tools run from a plain jar. */
public final class GraphQlClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Supplier<Credentials> credentials;

    /** As the user {@link Credentials#fromEnvironment()} names, if any. */
    public GraphQlClient(String endpoint) {
        this(endpoint, Credentials.fromEnvironment());
    }

    /** credentials null: no Authorization header. */
    public GraphQlClient(String endpoint, Credentials credentials) {
        this(endpoint, () -> credentials);
    }

    /** The credentials as they are at each request (e.g. a password file the platform writes at its first start). */
    public GraphQlClient(String endpoint, Supplier<Credentials> credentials) {
        this.endpoint = URI.create(endpoint);
        this.credentials = credentials;
    }

    /** The same endpoint as another user. */
    public GraphQlClient as(Credentials user) {
        return new GraphQlClient(endpoint.toString(), user);
    }

    /** Posts the document with its variables (a {@link Json#object} or a Map) and answers the response body. */
    public String post(String document, Object variables) {
        Answer answer = answer(document, variables);
        if (answer.status() != 200) {
            throw new IllegalStateException(endpoint + " answered HTTP " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The HTTP status and body, whatever the status. */
    public Answer answer(String document, Object variables) {
        String body = "{\"query\":" + Json.string(document) + ",\"variables\":" + Json.value(variables) + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        Credentials user = credentials.get();
        if (user != null) {
            request.header("Authorization", user.authorization());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public record Answer(int status, String body) {
    }

    /** Like {@link #post} but fails on any GraphQL error. */
    public String postOk(String document, Object variables) {
        String response = post(document, variables);
        if (response.contains("\"errors\"")) {
            throw new IllegalStateException("GraphQL error from " + endpoint + ": " + response);
        }
        return response;
    }

    /** Every string value of the given field name in a JSON text, in order. */
    public static List<String> strings(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    public static String string(String json, String field) {
        List<String> values = strings(json, field);
        if (values.isEmpty()) {
            throw new IllegalStateException("no \"" + field + "\" in " + json);
        }
        return values.get(0);
    }

    /** Minimal JSON text building. */
    public static final class Json {
        private Json() {
        }

        public static String string(String s) {
            if (s == null) {
                return "null";
            }
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        /** An object from alternating keys and values; values are Strings (quoted), or Raw, Number, Boolean, List. */
        public static Raw object(Object... keysAndValues) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] == null) {
                    continue;
                }
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(string((String) keysAndValues[i])).append(':').append(value(keysAndValues[i + 1]));
            }
            return new Raw(b.append('}').toString());
        }

        public static String value(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Raw raw) {
                return raw.json();
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v instanceof List<?> list) {
                StringBuilder b = new StringBuilder("[");
                for (Object item : list) {
                    if (b.length() > 1) {
                        b.append(',');
                    }
                    b.append(value(item));
                }
                return b.append(']').toString();
            }
            if (v instanceof Map<?, ?> map) {
                List<Object> kv = new ArrayList<>();
                map.forEach((k, val) -> {
                    kv.add(k.toString());
                    kv.add(val);
                });
                return object(kv.toArray()).json();
            }
            return string(v.toString());
        }

        /** Already JSON. */
        public record Raw(String json) {
        }
    }
}
