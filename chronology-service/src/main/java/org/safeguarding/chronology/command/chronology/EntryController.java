package org.safeguarding.chronology.command.chronology;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class EntryController {

    private final CommandGateway commands;

    public EntryController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public EntryReceipt recordEntry(@Argument RecordEntryInput input) {
        return commands.sendAndWait(new RecordEntry(input.childId(), input.agencyId(), input.sourceRef(),
                input.kind(), input.occurredAt(), input.occurredAtPrecision(), input.knownAt(), input.summary(),
                input.significance(), input.professional(), input.personIds()));
    }

    @MutationMapping
    public EntryReceipt correctEntry(@Argument CorrectEntryInput input) {
        return sendForEntry(input.entryId(), new CorrectEntry(ChildIds.childOfEntry(input.entryId()),
                input.entryId(), input.agencyId(), input.occurredAt(), input.occurredAtPrecision(), input.knownAt(),
                input.kind(), input.summary(), input.significance(), input.reason()));
    }

    @MutationMapping
    public EntryReceipt retractEntry(@Argument RetractEntryInput input) {
        return sendForEntry(input.entryId(), new RetractEntry(ChildIds.childOfEntry(input.entryId()),
                input.entryId(), input.agencyId(), input.reason()));
    }

    /** The child comes from the entry id, so a missing child means a missing entry. */
    private EntryReceipt sendForEntry(String entryId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw RejectedException.notFound("entry " + entryId + " does not exist");
        }
    }

    public record RecordEntryInput(String childId, String agencyId, String sourceRef, EntryKind kind,
                                   Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt,
                                   String summary, Significance significance, String professional,
                                   List<String> personIds) {
    }

    public record CorrectEntryInput(String entryId, String agencyId, Instant occurredAt,
                                    DatePrecision occurredAtPrecision, Instant knownAt, EntryKind kind,
                                    String summary, Significance significance, String reason) {
    }

    public record RetractEntryInput(String entryId, String agencyId, String reason) {
    }
}
