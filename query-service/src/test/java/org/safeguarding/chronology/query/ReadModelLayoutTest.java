package org.safeguarding.chronology.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class ReadModelLayoutTest {

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final AtomicInteger rebuilds = new AtomicInteger();
    private final ReadModelLayout layout = new ReadModelLayout(mongo, rebuilds::incrementAndGet);

    @Test
    void readModelsNotBuiltYetAreMarkedAndNotRebuilt() {
        layout.markIfNew();
        layout.rebuildIfOlder();

        assertThat(rebuilds).hasValue(0);
        assertThat(version()).isEqualTo(ReadModelLayout.VERSION);
    }

    @Test
    void readModelsBuiltByAnOlderVersionAreRebuilt() {
        mongo.insert(new Document("_id", "child-a").append("sequence", 3).append("entryCount", 3), "rm_chronologies");

        layout.markIfNew();
        layout.rebuildIfOlder();

        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void readModelsOfThisLayoutAreLeftAlone() {
        mongo.insert(new Document("_id", "child-a").append("sequence", 3).append("entryCount", 3), "rm_chronologies");
        ReadModelLayout.mark(mongo);

        layout.markIfNew();
        layout.rebuildIfOlder();

        assertThat(rebuilds).hasValue(0);
    }

    private Integer version() {
        return mongo.findById("layout", Document.class, ReadModelLayout.META).getInteger("version");
    }
}
