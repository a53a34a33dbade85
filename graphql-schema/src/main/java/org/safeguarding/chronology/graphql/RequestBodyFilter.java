package org.safeguarding.chronology.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GraphQL request over HTTP is exactly one JSON document in UTF-8: an object with a "query" string and optional
 * "operationName" string, "variables" and "extensions" objects. Anything else (no body, malformed JSON, a batch
 * list, more after the object, a name given twice, another Content-Type) is refused before Spring for GraphQL
 * reads it, with HTTP 400 and a GraphQL error whose classification is BAD_REQUEST.
 */
public class RequestBodyFilter extends OncePerRequestFilter {

    /** Nesting a request needs is a few levels (variables, input, a list, its items); this is far beyond it. */
    static final int MAX_NESTING = 64;

    private static final String EXAMPLE = "{\"query\": \"{ __typename }\"}";
    private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
    private static final ObjectMapper ERRORS = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = contentTypeFault(request.getContentType());
        byte[] body = request.getInputStream().readAllBytes();
        if (refusal == null) {
            refusal = bodyFault(body);
        }
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(ERRORS.writeValueAsBytes(Map.of("errors", List.of(Map.of(
                    "message", refusal, "extensions", Map.of("classification", "BAD_REQUEST"))))));
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    static String contentTypeFault(String contentType) {
        String expected = "the Content-Type must be application/json";
        if (contentType == null || contentType.isBlank()) {
            return expected + ", and the request has none";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return expected + ", not " + Shown.value(contentType);
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) && !GRAPHQL.equalsTypeAndSubtype(type)) {
            return expected + ", not " + type.getType() + "/" + type.getSubtype();
        }
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            return "the body must be UTF-8, not " + type.getCharset().name();
        }
        return null;
    }

    /** Why the body is no single GraphQL request, or null when it is one. */
    static String bodyFault(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer decoded = CharBuffer.allocate(body.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes, decoded, true);
        if (result.isError()) {
            return "the body is not UTF-8: the byte at offset " + bytes.position() + " starts no UTF-8 character";
        }
        String text = decoded.flip().toString();
        if (text.isBlank()) {
            return "the body is empty: it must be one JSON object such as " + EXAMPLE;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return "the body is a list: send each operation as a request of its own, one JSON object each";
            }
            if (first != JsonToken.START_OBJECT) {
                return "the body must be a JSON object, not " + token(first);
            }
            String fault = requestFault(parser);
            if (fault != null) {
                return fault;
            }
            return atEnd(parser) ? null : "the body goes on after its JSON object (" + at(parser.currentLocation())
                    + "): it must be exactly one JSON document";
        } catch (StreamConstraintsException e) {
            return "the body is nested more than " + MAX_NESTING + " levels deep or holds a number or a string "
                    + "too long to read";
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.lookingAt()) {
                return "the body names " + Shown.value(duplicate.group(1)) + " twice in one object ("
                        + at(e.getLocation()) + ")";
            }
            return "the body is not valid JSON (" + at(e.getLocation()) + ")";
        } catch (IOException e) {
            return "the body is not valid JSON";
        }
    }

    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The members of the request object, up to its end. */
    private static String requestFault(JsonParser parser) throws IOException {
        Set<String> names = new HashSet<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            names.add(name);
            JsonToken value = parser.nextToken();
            String fault = switch (name) {
                case "query" -> value == JsonToken.VALUE_STRING ? (parser.getText().isBlank()
                        ? "query must hold a GraphQL document, not an empty string" : null)
                        : "query must be a string, not " + token(value);
                case "operationName" -> value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL ? null
                        : "operationName must be a string, not " + token(value);
                case "variables", "extensions" -> value == JsonToken.START_OBJECT || value == JsonToken.VALUE_NULL
                        ? null : name + " must be an object, not " + token(value);
                default -> null;
            };
            if (fault != null) {
                return fault;
            }
            parser.skipChildren();
        }
        return names.contains("query") ? null : "the body has no query: it must be a JSON object such as " + EXAMPLE;
    }

    private static String token(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    private static String at(JsonLocation location) {
        return location == null ? "somewhere" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The request as it came, its body read once more from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
