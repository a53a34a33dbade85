package org.safeguarding.chronology.command.sharing;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.api.sharing.SharingChannel;
import org.safeguarding.chronology.api.sharing.SharingReceipt;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class SharingController {

    private final CommandGateway commands;

    public SharingController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public SharingReceipt shareInformation(@Argument ShareInformationInput input) {
        return commands.sendAndWait(new ShareInformation(input.childId(), input.fromAgencyId(), input.toAgencyId(),
                input.entryIds(), input.sharedAt(), input.channel(), input.sourceRef()));
    }

    public record ShareInformationInput(String childId, String fromAgencyId, String toAgencyId,
                                        List<String> entryIds, Instant sharedAt, SharingChannel channel,
                                        String sourceRef) {
    }
}
