package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyFilterTest {

    @Test
    void oneJsonObjectWithAQueryIsARequest() {
        assertThat(fault("{\"query\": \"{ __typename }\"}")).isNull();
        assertThat(fault(" {\"query\": \"{ x }\", \"operationName\": null, \"variables\": {\"a\": [1, {\"b\": 2}]},"
                + " \"extensions\": {}}\n")).isNull();
        assertThat(fault("{\"query\": \"{ x }\", \"variables\": null, \"operationName\": \"Named\"}")).isNull();
    }

    @Test
    void anythingButOneJsonDocumentIsRefused() {
        assertThat(fault("")).startsWith("the body is empty");
        assertThat(fault("  \n")).startsWith("the body is empty");
        assertThat(fault("[{\"query\": \"{ x }\"}]")).startsWith("the body is a list");
        assertThat(fault("{\"query\": \"{ x }\"} trailing")).startsWith("the body goes on after its JSON object");
        assertThat(fault("{\"query\": \"{ x }\"}{\"query\": \"{ y }\"}")).startsWith("the body goes on after");
        assertThat(fault("{\"query\": \"{ x }\"")).isEqualTo("the body is not valid JSON (line 1, column 18)");
        assertThat(fault("{'query': '{ x }'}")).startsWith("the body is not valid JSON");
        assertThat(fault("{\"query\": \"{ x }\",}")).startsWith("the body is not valid JSON");
        assertThat(fault("{\"query\": \"{ x }\", \"query\": \"{ y }\"}")).startsWith("the body names \"query\" twice");
        assertThat(fault("{\"query\": \"{ x }\", \"variables\": {\"id\": \"a\", \"id\": {\"$gt\": \"\"}}}"))
                .startsWith("the body names \"id\" twice");
        assertThat(fault("\"{ x }\"")).isEqualTo("the body must be a JSON object, not a string");
        assertThat(fault("{\"variables\": {}}")).startsWith("the body has no query");
        assertThat(fault("{\"query\": 1}")).isEqualTo("query must be a string, not a number");
        assertThat(fault("{\"query\": \" \"}")).startsWith("query must hold a GraphQL document");
        assertThat(fault("{\"query\": \"{ x }\", \"variables\": []}")).isEqualTo("variables must be an object, not a list");
        assertThat(fault("{\"query\": \"{ x }\", \"operationName\": {}}"))
                .isEqualTo("operationName must be a string, not an object");
        assertThat(fault("{\"query\": \"{ x }\", \"variables\": {\"a\": " + "[".repeat(100) + "]".repeat(100) + "}}"))
                .startsWith("the body is nested more than 64 levels deep");
    }

    @Test
    void theBodyIsUtf8() {
        byte[] latin1 = "{\"query\": \"{ child(id: \\\"Zoë\\\") { id } }\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestBodyFilter.bodyFault(latin1)).startsWith("the body is not UTF-8: the byte at offset 27");
        byte[] encodedSurrogate = {'{', '"', 'q', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThat(RequestBodyFilter.bodyFault(encodedSurrogate)).startsWith("the body is not UTF-8");
        byte[] overlongNul = {'{', '"', 'q', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        assertThat(RequestBodyFilter.bodyFault(overlongNul)).startsWith("the body is not UTF-8");
    }

    @Test
    void theContentTypeIsJson() {
        assertThat(RequestBodyFilter.contentTypeFault("application/json")).isNull();
        assertThat(RequestBodyFilter.contentTypeFault("application/json;charset=UTF-8")).isNull();
        assertThat(RequestBodyFilter.contentTypeFault("application/graphql")).isNull();
        assertThat(RequestBodyFilter.contentTypeFault(null)).endsWith("and the request has none");
        assertThat(RequestBodyFilter.contentTypeFault("text/plain"))
                .isEqualTo("the Content-Type must be application/json, not text/plain");
        assertThat(RequestBodyFilter.contentTypeFault("application/x-www-form-urlencoded"))
                .endsWith("not application/x-www-form-urlencoded");
        assertThat(RequestBodyFilter.contentTypeFault("application/json; charset=ISO-8859-1"))
                .isEqualTo("the body must be UTF-8, not ISO-8859-1");
        assertThat(RequestBodyFilter.contentTypeFault("json")).startsWith("the Content-Type must be application/json");
    }

    private static String fault(String body) {
        return RequestBodyFilter.bodyFault(body.getBytes(StandardCharsets.UTF_8));
    }
}
