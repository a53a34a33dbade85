package org.safeguarding.chronology.command.agency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.chronology.api.agency.AgencyIds;
import org.safeguarding.chronology.api.agency.AgencyRegistered;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.safeguarding.chronology.api.rejection.RejectedException;

@Aggregate
public class Agency {

    @AggregateIdentifier
    private String id;
    private String agencyId;
    private String name;
    private Sector sector;

    public Agency() {
    }

    /** Registering again with the same name and sector changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AgencyView handle(RegisterAgency command) {
        if (id == null) {
            apply(new AgencyRegistered(command.agencyId(), command.name(), command.sector()));
        } else if (!name.equals(command.name()) || sector != command.sector()) {
            throw RejectedException.conflict(
                    "agency " + agencyId + " is already registered with a different name or sector");
        }
        return new AgencyView(agencyId, name, sector);
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        id = AgencyIds.aggregateId(event.agencyId());
        agencyId = event.agencyId();
        name = event.name();
        sector = event.sector();
    }
}
