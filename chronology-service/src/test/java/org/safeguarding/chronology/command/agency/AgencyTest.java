package org.safeguarding.chronology.command.agency;

import static org.safeguarding.chronology.api.rejection.Rejection.BAD_REQUEST;
import static org.safeguarding.chronology.api.rejection.Rejection.CONFLICT;
import static org.safeguarding.chronology.command.Rejections.rejected;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.command.CommandChecks;

class AgencyTest {

    private FixtureConfiguration<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerCommandHandlerInterceptor(
                new CommandChecks(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void registersAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("police-1", "Police 1", Sector.POLICE))
                .expectEvents(new AgencyRegistered("police-1", "Police 1", Sector.POLICE))
                .expectResultMessagePayload(new AgencyView("police-1", "Police 1", Sector.POLICE));
    }

    @Test
    void registeringAgainWithTheSameContentChangesNothing() {
        fixture.given(new AgencyRegistered("police-1", "Police 1", Sector.POLICE))
                .when(new RegisterAgency("police-1", "Police 1", Sector.POLICE))
                .expectNoEvents()
                .expectResultMessagePayload(new AgencyView("police-1", "Police 1", Sector.POLICE));
    }

    @Test
    void registeringAgainWithAnotherNameOrSectorIsAConflict() {
        fixture.given(new AgencyRegistered("police-1", "Police 1", Sector.POLICE))
                .when(new RegisterAgency("police-1", "Police 2", Sector.POLICE))
                .expectNoEvents()
                .expectException(rejected(CONFLICT, "agency police-1 is already registered"));
        fixture.given(new AgencyRegistered("police-1", "Police 1", Sector.POLICE))
                .when(new RegisterAgency("police-1", "Police 1", Sector.HEALTH))
                .expectException(rejected(CONFLICT, "police-1"));
    }

    @Test
    void aBlankOrMissingFieldIsABadRequest() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency(" ", "Police 1", Sector.POLICE))
                .expectNoEvents()
                .expectException(rejected(BAD_REQUEST, "id must not be blank"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("police-1", "", Sector.POLICE))
                .expectException(rejected(BAD_REQUEST, "name must not be blank"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("police-1", "Police 1", null))
                .expectException(rejected(BAD_REQUEST, "sector is missing"));
        fixture.givenNoPriorActivity()
                .when(new RegisterAgency("p".repeat(201), "Police 1", Sector.POLICE))
                .expectException(rejected(BAD_REQUEST, "id must be at most 200 characters"));
    }
}
