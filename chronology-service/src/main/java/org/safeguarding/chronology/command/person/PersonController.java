package org.safeguarding.chronology.command.person;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.person.PersonRole;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.person.Sex;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class PersonController {

    private final CommandGateway commands;

    public PersonController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public EntryReceipt recordPersonKnown(@Argument RecordPersonKnownInput input) {
        return commands.sendAndWait(new RecordPersonKnown(input.childId(), input.agencyId(), input.personId(),
                input.role(), input.sex(), input.livesWithChild(), input.knownAt(), input.sourceRef()));
    }

    public record RecordPersonKnownInput(String childId, String agencyId, String personId, PersonRole role, Sex sex,
                                         boolean livesWithChild, Instant knownAt, String sourceRef) {
    }
}
