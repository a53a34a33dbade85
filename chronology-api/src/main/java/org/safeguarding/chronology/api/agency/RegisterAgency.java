package org.safeguarding.chronology.api.agency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterAgency(String agencyId, String name, Sector sector) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AgencyIds.aggregateId(agencyId);
    }
}
