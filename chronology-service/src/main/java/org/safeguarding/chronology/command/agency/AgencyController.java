package org.safeguarding.chronology.command.agency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.agency.Sector;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class AgencyController {

    private final CommandGateway commands;

    public AgencyController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public AgencyView registerAgency(@Argument RegisterAgencyInput input) {
        return commands.sendAndWait(new RegisterAgency(input.id(), input.name(), input.sector()));
    }

    public record RegisterAgencyInput(String id, String name, Sector sector) {
    }
}
