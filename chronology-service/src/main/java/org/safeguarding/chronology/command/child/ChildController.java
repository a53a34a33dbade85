package org.safeguarding.chronology.command.child;

import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class ChildController {

    private final CommandGateway commands;

    public ChildController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public ChildView registerChild(@Argument RegisterChildInput input) {
        return commands.sendAndWait(new RegisterChild(input.id(), input.displayName(), input.dateOfBirth()));
    }

    public record RegisterChildInput(String id, String displayName, LocalDate dateOfBirth) {
    }
}
