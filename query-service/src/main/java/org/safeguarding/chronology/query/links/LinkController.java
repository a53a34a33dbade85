package org.safeguarding.chronology.query.links;

import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.FindPossibleDuplicates;
import org.safeguarding.chronology.query.access.ChildReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LinkController {

    private final ChildReads reads;
    private final KnownLinks links;

    LinkController(ChildReads reads, KnownLinks links) {
        this.reads = reads;
        this.links = links;
    }

    @QueryMapping
    CompletableFuture<List<DuplicateCandidateView>> possibleDuplicates(@Argument String childId,
                                                                       @Argument Instant recordedAsOf,
                                                                       DataFetchingEnvironment field) {
        return reads.possibleDuplicates(field, new FindPossibleDuplicates(childId, recordedAsOf));
    }

    /** Each entry's links as of the recordedAsOf of the view that shows it: one read for the entries asked for. */
    @BatchMapping(typeName = "ChronologyEntry")
    Map<ChronologyEntryView, List<EntryLinkView>> links(List<ChronologyEntryView> entries) {
        return links.naming(entries);
    }
}
