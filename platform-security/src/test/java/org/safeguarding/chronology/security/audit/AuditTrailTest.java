package org.safeguarding.chronology.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.embedded.EmbeddedMongo;

class AuditTrailTest {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("audit-test"));
    private static final MongoDatabase DATABASE = CLIENT.getDatabase("audit-test");

    @AfterAll
    static void close() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void twoInstancesAppendingToOneChildTakeEveryNumberOnceWithoutAGap() {
        try (AuditTrail one = new AuditTrail(DATABASE); AuditTrail two = new AuditTrail(DATABASE)) {
            List<CompletableFuture<Void>> stored = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                AuditTrail trail = i % 2 == 0 ? one : two;
                stored.add(trail.append(new AuditRecord(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                        "user-" + (i % 2), "chronology", "child-two", "{\"n\":" + i + "}")));
            }
            stored.forEach(CompletableFuture::join);

            AuditPage all = one.page("child-two", 500, null);
            assertThat(all.totalCount()).isEqualTo(60);
            assertThat(all.edges()).hasSize(60);
            assertThat(all.edges()).extracting(edge -> edge.node().arguments()).doesNotHaveDuplicates();
            assertThat(all.hasNextPage()).isFalse();
        }
    }

    @Test
    void pagesGoNewestFirstAndAfterTheCursorOnly() {
        try (AuditTrail trail = new AuditTrail(DATABASE)) {
            for (int i = 1; i <= 7; i++) {
                trail.append(new AuditRecord(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "chair-1", "child",
                        "child-pages", "{\"read\":" + i + "}")).join();
            }
            AuditPage first = trail.page("child-pages", 3, null);
            assertThat(first.edges()).extracting(edge -> edge.node().arguments())
                    .containsExactly("{\"read\":7}", "{\"read\":6}", "{\"read\":5}");
            assertThat(first.hasNextPage()).isTrue();
            assertThat(first.totalCount()).isEqualTo(7);
            AuditPage second = trail.page("child-pages", 3, first.endCursor());
            assertThat(second.edges()).extracting(edge -> edge.node().arguments())
                    .containsExactly("{\"read\":4}", "{\"read\":3}", "{\"read\":2}");
            AuditPage last = trail.page("child-pages", 3, second.endCursor());
            assertThat(last.edges()).extracting(edge -> edge.node().arguments()).containsExactly("{\"read\":1}");
            assertThat(last.hasNextPage()).isFalse();
            assertThat(trail.page("another-child", 3, null).edges()).isEmpty();
        }
    }

    @Test
    void aNewInstanceContinuesAfterTheRecordsItFindsAndRefusesABadCursorOrPageSize() {
        try (AuditTrail trail = new AuditTrail(DATABASE)) {
            trail.append(new AuditRecord(Instant.now(), "admin", "entry", "child-restart", "{}")).join();
        }
        try (AuditTrail again = new AuditTrail(DATABASE)) {
            again.append(new AuditRecord(Instant.now(), "admin", "entry", "child-restart", "{}")).join();
            assertThat(again.page("child-restart", 10, null).totalCount()).isEqualTo(2);
            assertThatThrownBy(() -> again.page("child-restart", 10, "not-a-cursor"))
                    .isInstanceOf(RejectedException.class).hasMessageContaining("endCursor");
            assertThatThrownBy(() -> again.page("child-restart", 0, null)).hasMessageContaining("first must be 1 to 500");
        }
    }
}
