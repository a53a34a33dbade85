package org.safeguarding.chronology.command.links;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.dataloader.DataLoader;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.command.child.ChildRecord;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class LinkController {

    private final CommandGateway commands;

    LinkController(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    EntryLinkView linkEntries(@Argument LinkEntriesInput input) {
        return commands.sendAndWait(new LinkEntries(input.childId(), input.id(), input.kind(), input.entryIds(),
                input.note()));
    }

    /** An entry a command answers (one of a review's) as the record stands now: every link naming it. */
    @SchemaMapping(typeName = "ChronologyEntry")
    CompletableFuture<List<EntryLinkView>> links(ChronologyEntryView entry, DataLoader<String, ChildRecord> records) {
        return records.load(entry.childId()).thenApply(record -> record == null ? List.of() : record.linksOf(entry.id()));
    }

    record LinkEntriesInput(String childId, String id, EntryLinkKind kind, List<String> entryIds, String note) {
    }
}
