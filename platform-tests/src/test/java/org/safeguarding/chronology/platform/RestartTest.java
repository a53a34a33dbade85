package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

/** Stop everything, start it again on the same H2 file: nothing lost, nothing counted twice. */
class RestartTest {

    private static final String COUNT = """
            query($childId: ID!) { chronology(childId: $childId, first: 500) { totalCount edges { node { sourceRef } } } }""";

    @Test
    void nothingIsLostOrDuplicatedAcrossARestart(@TempDir Path data) throws Exception {
        Path file = data.resolve("chronology.mv");
        Path logs = Path.of("target", "restart-logs");
        try (EmbeddedMongo store = EmbeddedMongo.h2File(file, "127.0.0.1", 0); Platform platform = Platform.start(store, logs)) {
            register(platform);
            for (int i = 1; i <= 30; i++) {
                record(platform, i);
            }
            awaitCount(platform, 30);
        }
        try (EmbeddedMongo store = EmbeddedMongo.h2File(file, "127.0.0.1", 0); Platform platform = Platform.start(store, logs)) {
            String before = platform.queries.postOk(COUNT, object("childId", "restart-child"));
            assertThat((Integer) JsonPath.read(before, "$.data.chronology.totalCount")).isEqualTo(30);
            register(platform); // identical re-registration after the restart changes nothing
            String duplicate = record(platform, 7);
            assertThat((Boolean) JsonPath.read(duplicate, "$.data.recordEntry.duplicate")).isTrue();
            for (int i = 31; i <= 40; i++) {
                record(platform, i);
            }
            String after = awaitCount(platform, 40);
            List<String> refs = JsonPath.read(after, "$.data.chronology.edges[*].node.sourceRef");
            assertThat(refs).hasSize(40).doesNotHaveDuplicates();
        }
    }

    private static void register(Platform platform) {
        platform.commands.postOk("mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }",
                object("input", object("id", "restart-school", "name", "Primary School", "sector", "EDUCATION")));
        platform.commands.postOk("mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
                object("input", object("id", "restart-child", "displayName", "Child C")));
    }

    private static String record(Platform platform, int i) {
        return platform.commands.postOk("mutation($input: RecordEntryInput!) { recordEntry(input: $input) { entryId duplicate } }",
                object("input", object("childId", "restart-child", "agencyId", "restart-school", "sourceRef", "SCH-" + i,
                        "kind", "CONCERN_RAISED", "occurredAt", String.format("2021-01-%02dT09:00:00Z", 1 + i % 28),
                        "knownAt", String.format("2021-01-%02dT10:00:00Z", 1 + i % 28),
                        "summary", "Concern " + i + ": Child C arrived hungry.", "significance", "ROUTINE")));
    }

    private static String awaitCount(Platform platform, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        String response;
        do {
            response = platform.queries.postOk(COUNT, object("childId", "restart-child"));
            if ((Integer) JsonPath.read(response, "$.data.chronology.totalCount") == expected) {
                return response;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        assertThat((Integer) JsonPath.read(response, "$.data.chronology.totalCount")).isEqualTo(expected);
        return response;
    }
}
