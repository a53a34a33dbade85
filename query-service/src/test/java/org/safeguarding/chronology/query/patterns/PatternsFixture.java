package org.safeguarding.chronology.query.patterns;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.query.agency.AgencyProjection;
import org.safeguarding.chronology.query.agency.AgencyQueries;
import org.safeguarding.chronology.query.casestate.CaseStateQueries;
import org.safeguarding.chronology.query.casestate.LiteralReplay;
import org.safeguarding.chronology.query.child.ChildProjection;
import org.safeguarding.chronology.query.child.ChildQueries;
import org.safeguarding.chronology.query.chronology.ChronologyProjection;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.safeguarding.chronology.query.chronology.RecordedEntries;
import org.safeguarding.chronology.query.chronology.Story;
import org.safeguarding.chronology.query.person.KnownPeople;
import org.safeguarding.chronology.query.person.PeopleProjection;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read models and the practice-pattern queries on a fresh database, fed by hand as the processor would. */
final class PatternsFixture {

    /** What "now" is for the queries of these tests: after everything the tests record. */
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    final MongoTemplate mongo = TestMongo.freshDatabase();
    final ChronologyProjection chronology;
    final PeopleProjection people = new PeopleProjection(mongo);
    final ChildProjection children;
    final AgencyProjection agencies;
    final PracticePatternQueries patterns;

    /** eventStore: where verify reads the child's events; null when the test replays events it holds. */
    PatternsFixture(EventStore eventStore) {
        RecordedEntries recorded = new RecordedEntries(mongo);
        chronology = new ChronologyProjection(mongo, recorded);
        ChildQueries childQueries = new ChildQueries(mongo);
        children = new ChildProjection(mongo, childQueries);
        Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
        CaseStateQueries caseStates = new CaseStateQueries(new ChronologyQueries(recorded, now),
                new KnownPeople(mongo), new LiteralReplay(eventStore), now);
        AgencyQueries agencyQueries = new AgencyQueries(mongo, eventStore);
        agencies = new AgencyProjection(mongo, agencyQueries);
        patterns = new PracticePatternQueries(caseStates, recorded, childQueries, agencyQueries,
                new LiteralPatterns(eventStore), now);
    }

    /** Registers the agencies with their ids capitalised as names. */
    void register(List<String> agencyIds) {
        agencyIds.forEach(id -> agencies.on(new AgencyRegistered(id,
                Character.toUpperCase(id.charAt(0)) + id.substring(1), Sector.OTHER)));
    }

    void project(List<Story.Event> events) {
        Story.project(chronology, people, children, events);
    }

    /** The events as the literal folds read them from the store. */
    static List<LiteralReplay.Recorded> recorded(List<Story.Event> events) {
        return events.stream().map(event -> new LiteralReplay.Recorded(event.payload(), event.recordedAt())).toList();
    }
}
