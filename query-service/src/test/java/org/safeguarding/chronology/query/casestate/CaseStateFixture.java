package org.safeguarding.chronology.query.casestate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.chronology.ChronologyProjection;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.safeguarding.chronology.query.chronology.Story;
import org.safeguarding.chronology.query.involvement.InvolvementQueries;
import org.safeguarding.chronology.query.person.KnownPeople;
import org.safeguarding.chronology.query.person.PeopleProjection;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read models and their queries on a fresh database, fed by hand as the tracking processor would. */
final class CaseStateFixture {

    /** What "now" is for the queries of these tests: after everything the tests record. */
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    final MongoTemplate mongo = TestMongo.freshDatabase();
    final ChronologyProjection chronology;
    final PeopleProjection people = new PeopleProjection(mongo);
    final ChronologyQueries chronologyQueries;
    final CaseStateQueries caseStates;
    final InvolvementQueries involvement;

    /** eventStore: where verify reads the child's events; null when the test replays events it holds. */
    CaseStateFixture(EventStore eventStore) {
        RecordedEntries recorded = new RecordedEntries(mongo);
        chronology = new ChronologyProjection(mongo, recorded);
        chronologyQueries = new ChronologyQueries(recorded);
        caseStates = new CaseStateQueries(chronologyQueries, new KnownPeople(mongo), new LiteralReplay(eventStore),
                Clock.fixed(NOW, ZoneOffset.UTC));
        involvement = new InvolvementQueries(chronologyQueries);
    }

    void project(List<Story.Event> events) {
        Story.project(chronology, people, events);
    }

    /** The events as the literal replay reads them from the store. */
    static List<LiteralReplay.Recorded> recorded(List<Story.Event> events) {
        return events.stream().map(event -> new LiteralReplay.Recorded(event.payload(), event.recordedAt())).toList();
    }
}
