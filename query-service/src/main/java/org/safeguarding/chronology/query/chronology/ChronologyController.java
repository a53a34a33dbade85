package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChronologyController {

    private static final int DEFAULT_PAGE = 100;

    private final QueryGateway queries;

    ChronologyController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    CompletableFuture<ChronologyPage> chronology(@Argument String childId, @Argument String knownBy,
                                                 @Argument Instant knownAt, @Argument Instant recordedAsOf,
                                                 @Argument Integer first, @Argument String after) {
        return queries.query(new FindChronology(childId, knownBy, knownAt, recordedAsOf,
                first == null ? DEFAULT_PAGE : first, after), ChronologyPage.class);
    }

    @QueryMapping
    CompletableFuture<ChronologyEntryView> entry(@Argument String id, @Argument Instant recordedAsOf) {
        return queries.query(new FindEntry(id, recordedAsOf), ChronologyEntryView.class);
    }

    @SchemaMapping(typeName = "ChronologyConnection")
    PageInfo pageInfo(ChronologyPage page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
