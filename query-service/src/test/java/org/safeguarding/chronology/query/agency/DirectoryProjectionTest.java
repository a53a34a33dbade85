package org.safeguarding.chronology.query.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.child.ChildProjection;
import org.safeguarding.chronology.query.child.ChildQueries;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The agency and children directories, fed their events twice as at-least-once delivery may. */
class DirectoryProjectionTest {

    private final MongoTemplate mongo = TestMongo.freshDatabase();

    @Test
    void findsAgenciesByIdLeavingOutUnknownOnes() {
        AgencyProjection projection = new AgencyProjection(mongo);
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new AgencyRegistered("police", "Police", Sector.POLICE));
            projection.on(new AgencyRegistered("health", "Health Visiting", Sector.HEALTH));
        }
        assertThat(new AgencyQueries(mongo).handle(new FindAgencies(List.of("health", "nobody", "police", "health"))))
                .containsExactlyInAnyOrder(new AgencyView("police", "Police", Sector.POLICE),
                        new AgencyView("health", "Health Visiting", Sector.HEALTH));
        assertThat(new AgencyQueries(mongo).handle(new FindAgencies(List.of()))).isEmpty();

        projection.reset();
        assertThat(new AgencyQueries(mongo).handle(new FindAgencies(List.of("police")))).isEmpty();
    }

    @Test
    void findsAChildOrNull() {
        ChildProjection projection = new ChildProjection(mongo);
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new ChildRegistered("child-a", "Child A", LocalDate.of(2006, 3, 1)));
            projection.on(new ChildRegistered("child-b", "Child B", null));
        }
        ChildQueries queries = new ChildQueries(mongo);
        assertThat(queries.handle(new FindChild("child-a"))).isEqualTo(new ChildView("child-a", "Child A", LocalDate.of(2006, 3, 1)));
        assertThat(queries.handle(new FindChild("child-b"))).isEqualTo(new ChildView("child-b", "Child B", null));
        assertThat(queries.handle(new FindChild("child-z"))).isNull();
    }
}
