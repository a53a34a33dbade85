package org.safeguarding.chronology.query.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.Sex;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProjectionRebuildTest extends QueryServiceTestBase {

    private static final List<String> READ_MODELS = List.of("rm_agencies", "rm_children", "rm_chronologies",
            "rm_entry_buckets", "rm_people");
    private static final Instant T = Instant.parse("2007-03-01T09:30:00Z");

    @Autowired
    private Projections projections;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private WebTestClient webClient;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aRebuildReplaysTheStreamIntoIdenticalReadModels() {
        registerAgency(new AgencyRegistered("school-r", "Primary School", Sector.EDUCATION));
        registerAgency(new AgencyRegistered("csc-r", "Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE));
        for (String child : List.of("child-r1", "child-r2")) {
            publishChildEvent(child, new ChildRegistered(child, "Child B", LocalDate.parse("2015-06-01")), T);
            for (int n = 1; n <= 3; n++) {
                publishChildEvent(child, new EntryRecorded(child, child + "/E" + n, "school-r", "SCH-" + n,
                        EntryKind.CONCERN_RAISED, T.plusSeconds(n), DatePrecision.DAY, T.plusSeconds(n),
                        "Concern " + n, Significance.SIGNIFICANT, "Teacher 1", List.of("mother-r")), Instant.now());
            }
            publishChildEvent(child, new InformationShared(child, child + "/S1", "school-r", "csc-r",
                    List.of(child + "/E1", child + "/E2"), T.plusSeconds(60), SharingChannel.WRITTEN, "REF-1"),
                    Instant.now());
            publishChildEvent(child, new EntryCorrected(child, child + "/E2", "school-r", 2, EntryKind.CONCERN_RAISED,
                    T, DatePrecision.EXACT, T, "Concern 2, corrected", Significance.CRITICAL, "detail"), Instant.now());
            publishChildEvent(child, new EntryRetracted(child, child + "/E3", "school-r", 2, "duplicate"),
                    Instant.now());
            publishChildEvent(child, new PersonKnownRecorded(child, child + "/P1", "school-r", "mother-r",
                    PersonRole.MOTHER, Sex.FEMALE, true, T, "SCH-P1"), Instant.now());
        }
        eventually(this::caughtUp);
        List<Document> before = readModels();
        assertThat(before).isNotEmpty();
        mongo.insert(new Document("_id", "stray#0"), "rm_entry_buckets"); // gone only if the read models are dropped
        mongo.insert(new Document("_id", "stray"), "rm_agencies");

        webClient.post().uri("/actuator/projections").exchange().expectStatus().is2xxSuccessful();

        eventually(() -> {
            caughtUp();
            assertThat(readModels()).isEqualTo(before);
        });
    }

    @Test
    void projectionStatusTellsHowFarEachProjectionHasRead() {
        registerAgency(new AgencyRegistered("housing-r", "Housing", Sector.HOUSING));
        eventually(() -> graphQl.document("{ projectionStatus { name position headSequence replaying } }").execute()
                .path("projectionStatus").entityList(Map.class).satisfies(statuses -> {
                    assertThat(statuses).extracting(status -> status.get("name"))
                            .containsExactly("chronology-projection");
                    assertThat(statuses).singleElement().satisfies(status -> {
                        assertThat(((Number) status.get("headSequence")).longValue()).isPositive();
                        assertThat(status.get("position")).isEqualTo(status.get("headSequence"));
                        assertThat(status.get("replaying")).isEqualTo(false);
                    });
                }));
    }

    @Test
    void aFailedBatchIsRetriedNotSkipped() {
        assertThat(processing.listenerInvocationErrorHandler("chronology-projection"))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    private void caughtUp() {
        assertThat(projections.status()).allSatisfy(status -> {
            assertThat(status.replaying()).isFalse();
            assertThat(status.position()).isEqualTo(status.headSequence());
        });
    }

    private List<Document> readModels() {
        List<Document> documents = new ArrayList<>();
        READ_MODELS.forEach(collection ->
                documents.addAll(mongo.find(new Query().with(Sort.by("_id")), Document.class, collection)));
        return documents;
    }
}
