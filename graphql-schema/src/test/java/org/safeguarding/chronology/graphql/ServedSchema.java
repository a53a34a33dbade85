package org.safeguarding.chronology.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What a running service's schema answers through introspection, for each service's tests. */
public final class ServedSchema {

    private ServedSchema() {
    }

    /**
     * The descriptions the service answers, by coordinate (see {@link SdlDescriptions}), once checked to be exactly
     * the description strings of its SDL: "commands" (chronology-service) or "queries" (query-service).
     */
    public static Map<String, String> descriptions(GraphQlTester graphQl, String side) {
        Map<String, String> served = SdlDescriptions.served(graphQl.document(SdlDescriptions.INTROSPECTION).execute()
                .path("__schema").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get());
        assertThat(SdlDescriptions.mismatches(SdlDescriptions.written(side), served)).as(side).isEmpty();
        return served;
    }

    /** __schema and __type are both refused, and nothing else is answered. */
    public static void refusesIntrospection(GraphQlTester graphQl, String typeName) {
        for (String introspection : new String[] {"{ __schema { types { name } } }",
                "{ __type(name: \"" + typeName + "\") { fields { name description } } }"}) {
            graphQl.document(introspection).execute().errors().satisfy(errors -> assertThat(errors).as(introspection)
                    .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("Introspection has been disabled")));
        }
    }

    /**
     * Spring Boot turns introspection off for the whole JVM (graphql-java's switch) when a context disables it, and
     * never on again: a test of such a context calls this once it is done, for the contexts of the tests after it.
     */
    public static void introspectionOnAgain() {
        Introspection.enabledJvmWide(true);
    }
}
