package org.safeguarding.chronology.query.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.chronology.Story;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

class PeopleProjectionTest {

    private static final Instant T0 = Instant.parse("2007-03-01T09:30:00Z");
    private static final Instant RECORDED = Instant.parse("2008-01-01T10:00:00.123456789Z");

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final PeopleProjection projection = new PeopleProjection(mongo);
    private final KnownPeople people = new KnownPeople(mongo);
    private final Story story = new Story();

    private void project(List<Story.Event> events) {
        Story.project(null, projection, events);
    }

    @Test
    void keepsEachRecordOfAChildUnderItsOwnNumber() {
        String first = story.know(RECORDED, "child-a", "police", "person-1", PersonRole.PARENTS_PARTNER, Sex.MALE, true,
                T0);
        String second = story.know(RECORDED.plusSeconds(1), "child-a", "health", "person-1", PersonRole.FATHER,
                Sex.UNKNOWN, false, T0.plusSeconds(60));
        story.know(RECORDED.plusSeconds(2), "child-b", "school", "person-2", PersonRole.MOTHER, Sex.FEMALE, true, T0);
        project(story.events);

        assertThat(mongo.findById("child-a", Document.class, PeopleProjection.PEOPLE).get("r", Document.class)
                .keySet()).containsExactlyInAnyOrder("P1", "P2");
        assertThat(people.ofChild("child-a")).containsExactly(
                new PersonRecord(first, "police", "person-1", PersonRole.PARENTS_PARTNER, Sex.MALE, true, T0,
                        RECORDED, 1),
                new PersonRecord(second, "health", "person-1", PersonRole.FATHER, Sex.UNKNOWN, false,
                        T0.plusSeconds(60), RECORDED.plusSeconds(1), 2));
        assertThat(people.ofChild("child-b")).extracting(PersonRecord::personId).containsExactly("person-2");
        assertThat(people.ofChild("child-z")).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        for (int i = 0; i < 6; i++) {
            story.know(RECORDED.plusSeconds(i), i % 2 == 0 ? "child-a" : "child-b", "police", "person-" + i,
                    PersonRole.values()[i], Sex.values()[i % 3], i % 2 == 0, T0.plusSeconds(i));
        }
        project(story.events);
        List<Document> once = contents();

        project(story.events.subList(1, 4));
        List<Story.Event> shuffled = new ArrayList<>(story.events);
        Collections.shuffle(shuffled, new Random(7));
        project(shuffled);

        assertThat(contents()).isEqualTo(once);
    }

    @Test
    void theResetHandlerDropsTheReadModel() {
        story.know(RECORDED, "child-a", "police", "person-1", PersonRole.MOTHER, Sex.FEMALE, true, T0);
        project(story.events);
        assertThat(people.ofChild("child-a")).hasSize(1);

        projection.reset();

        assertThat(mongo.collectionExists(PeopleProjection.PEOPLE)).isFalse();
        assertThat(people.ofChild("child-a")).isEmpty();
        project(story.events);
        assertThat(people.ofChild("child-a")).hasSize(1);
    }

    private List<Document> contents() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, PeopleProjection.PEOPLE);
    }
}
