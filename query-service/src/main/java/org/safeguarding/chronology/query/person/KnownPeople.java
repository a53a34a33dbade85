package org.safeguarding.chronology.query.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads a child's person records with one lookup of its {@code rm_people} document. */
@Component
public class KnownPeople {

    private final MongoTemplate mongo;

    public KnownPeople(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every record of the child, in stream order; none for a child not (yet) projected. */
    public List<PersonRecord> ofChild(String childId) {
        Document people = mongo.findById(childId, Document.class, PeopleProjection.PEOPLE);
        Document stored = people == null ? null : people.get("r", Document.class);
        if (stored == null) {
            return List.of();
        }
        List<PersonRecord> records = new ArrayList<>();
        stored.values().forEach(value -> {
            Document record = (Document) value;
            records.add(new PersonRecord(record.getString("recordId"), record.getString("agencyId"),
                    record.getString("personId"), PersonRole.valueOf(record.getString("role")),
                    Sex.valueOf(record.getString("sex")), record.getBoolean("livesWithChild"),
                    Instant.parse(record.getString("knownAt")), Instant.parse(record.getString("recordedAt")),
                    record.get("sequence", Number.class).longValue()));
        });
        records.sort(Comparator.comparingLong(PersonRecord::sequence));
        return records;
    }
}
