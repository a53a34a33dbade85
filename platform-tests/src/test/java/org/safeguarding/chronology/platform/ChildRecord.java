package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;

/** One child's chronology written and counted through the public API: a school records concerns about the child. */
final class ChildRecord {

    static final String COUNT = """
            query($childId: ID!) { chronology(childId: $childId, first: 500) { totalCount edges { node { sourceRef } } } }""";

    private final String childId;
    private final String schoolId;
    private final String displayName;

    ChildRecord(String childId, String schoolId, String displayName) {
        this.childId = childId;
        this.schoolId = schoolId;
        this.displayName = displayName;
    }

    /** The school and the child (answers the child's registration); repeating it identically changes nothing. */
    String register(GraphQlClient commands) {
        commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                object("input", object("id", schoolId, "name", "Primary School", "sector", "EDUCATION")));
        return commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", childId, "displayName", displayName)));
    }

    /** Concern number i, source reference SCH-i. */
    String record(GraphQlClient commands, int i) {
        return commands.postOk("mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId duplicate } }",
                object("input", object("childId", childId, "agencyId", schoolId, "sourceRef", "SCH-" + i,
                        "kind", "CONCERN_RAISED", "occurredAt", String.format("2021-01-%02dT09:00:00Z", 1 + i % 28),
                        "knownAt", String.format("2021-01-%02dT10:00:00Z", 1 + i % 28),
                        "summary", "Concern " + i + ": " + displayName + " arrived hungry.", "significance", "ROUTINE")));
    }

    String count(GraphQlClient queries) {
        return queries.postOk(COUNT, object("childId", childId));
    }

    /** The chronology once it holds the expected number of entries (the projection may lag a little). */
    String awaitCount(GraphQlClient queries, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        String response;
        do {
            response = count(queries);
            if (totalCount(response) == expected) {
                return response;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        assertThat(totalCount(response)).isEqualTo(expected);
        return response;
    }

    static int totalCount(String response) {
        return JsonPath.read(response, "$.data.chronology.totalCount");
    }
}
