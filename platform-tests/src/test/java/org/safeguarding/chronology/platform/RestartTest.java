package org.safeguarding.chronology.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

/** Stop everything, start it again on the same H2 file: nothing lost, nothing counted twice. */
class RestartTest {

    private static final ChildRecord CHILD = new ChildRecord("restart-child", "restart-school", "Child C");

    @Test
    void nothingIsLostOrDuplicatedAcrossARestart(@TempDir Path data) throws Exception {
        Path file = data.resolve("chronology.mv");
        Path logs = Path.of("target", "restart-logs");
        try (EmbeddedMongo store = EmbeddedMongo.h2File(file, "127.0.0.1", 0); Platform platform = Platform.start(store, logs)) {
            CHILD.register(platform.commands);
            for (int i = 1; i <= 30; i++) {
                CHILD.record(platform.commands, i);
            }
            CHILD.awaitCount(platform.queries, 30);
        }
        try (EmbeddedMongo store = EmbeddedMongo.h2File(file, "127.0.0.1", 0); Platform platform = Platform.start(store, logs)) {
            assertThat(ChildRecord.totalCount(CHILD.count(platform.queries))).isEqualTo(30);
            CHILD.register(platform.commands); // identical re-registration after the restart changes nothing
            String duplicate = CHILD.record(platform.commands, 7);
            assertThat((Boolean) JsonPath.read(duplicate, "$.data.recordEntry.duplicate")).isTrue();
            for (int i = 31; i <= 40; i++) {
                CHILD.record(platform.commands, i);
            }
            String after = CHILD.awaitCount(platform.queries, 40);
            List<String> refs = JsonPath.read(after, "$.data.chronology.edges[*].node.sourceRef");
            assertThat(refs).hasSize(40).doesNotHaveDuplicates();
        }
    }
}
