package org.safeguarding.chronology.query.links;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.FindPossibleDuplicates;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.chronology.ChronologyProjection;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.safeguarding.chronology.query.chronology.Story;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read models possibleDuplicates answers from, as plain objects on a database of their own, at a fixed now. */
final class LinksFixture {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    final MongoTemplate mongo = TestMongo.freshDatabase();
    final RecordedEntries recorded = new RecordedEntries(mongo);
    final ChronologyProjection chronology = new ChronologyProjection(mongo, recorded);
    final LinksProjection projection = new LinksProjection(mongo);
    final KnownLinks links = new KnownLinks(mongo);
    final PossibleDuplicates duplicates = new PossibleDuplicates(
            new ChronologyQueries(recorded, Clock.fixed(NOW, ZoneOffset.UTC)), links);

    /** Hands the events to both projections as their tracking processor would. */
    void project(List<Story.Event> events) {
        Story.project(chronology, events);
        for (Story.Event event : events) {
            if (event.payload() instanceof EntriesLinked linked) {
                projection.on(linked, event.recordedAt());
            }
        }
    }

    List<DuplicateCandidateView> possibleDuplicates(String childId, Instant recordedAsOf) {
        return duplicates.handle(new FindPossibleDuplicates(childId, recordedAsOf));
    }
}
