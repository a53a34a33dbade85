package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.ChronologyPages;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindChronologyPages;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.api.chronology.ReviewerColumns;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Controller
class ChronologyController {

    private static final int DEFAULT_PAGE = 100;

    private final QueryGateway queries;
    private final ChildReads reads;

    ChronologyController(QueryGateway queries, ChildReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    @QueryMapping
    CompletableFuture<ChronologyPage> chronology(@Argument String childId, @Argument String knownBy,
                                                 @Argument Instant knownAt, @Argument Instant recordedAsOf,
                                                 @Argument Integer first, @Argument String after,
                                                 @Argument String personId, DataFetchingEnvironment field) {
        return reads.chronology(field, new FindChronology(childId, knownBy, knownAt, recordedAsOf,
                first == null ? DEFAULT_PAGE : first, after, personId));
    }

    @QueryMapping
    CompletableFuture<List<String>> chronologyPages(@Argument String childId, @Argument String knownBy,
                                                    @Argument Instant knownAt, @Argument Instant recordedAsOf,
                                                    @Argument Integer first, @Argument String personId,
                                                    DataFetchingEnvironment field) {
        return reads.chronologyPages(field, new FindChronologyPages(childId, knownBy, knownAt, recordedAsOf, personId,
                first == null ? DEFAULT_PAGE : first)).thenApply(ChronologyPages::after);
    }

    @QueryMapping
    CompletableFuture<ChronologyEntryView> entry(@Argument String id, @Argument Instant recordedAsOf,
                                                 DataFetchingEnvironment field) {
        return reads.entry(field, new FindEntry(id, recordedAsOf));
    }

    @SchemaMapping(typeName = "ChronologyConnection")
    PageInfo pageInfo(ChronologyPage page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    @SchemaMapping(typeName = "ChronologyEntry")
    String occurredAtText(ChronologyEntryView entry) {
        return ReviewerColumns.occurredAtText(entry.occurredAt(), entry.occurredAtPrecision());
    }

    @SchemaMapping(typeName = "ChronologyEntry")
    String sincePrevious(ChronologyEntryView entry) {
        return entry.previousOccurredAt() == null ? null
                : ReviewerColumns.interval(entry.previousOccurredAt(), entry.occurredAt());
    }

    /** One FindChild per child of the entries asked for (a page is one child). */
    @BatchMapping(typeName = "ChronologyEntry")
    Mono<Map<ChronologyEntryView, String>> childAge(List<ChronologyEntryView> entries) {
        return Flux.fromStream(entries.stream().map(ChronologyEntryView::childId).distinct())
                .flatMap(childId -> Mono.fromFuture(queries.query(new FindChild(childId), ChildView.class)))
                .filter(child -> child.dateOfBirth() != null)
                .collectMap(ChildView::id, ChildView::dateOfBirth, HashMap::new)
                .map(datesOfBirth -> {
                    Map<ChronologyEntryView, String> ages = new HashMap<>();
                    entries.forEach(entry -> {
                        LocalDate dateOfBirth = datesOfBirth.get(entry.childId());
                        if (dateOfBirth != null) {
                            ages.put(entry, ReviewerColumns.childAge(dateOfBirth, entry.occurredAt(),
                                    entry.occurredAtPrecision()));
                        }
                    });
                    return ages;
                });
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
