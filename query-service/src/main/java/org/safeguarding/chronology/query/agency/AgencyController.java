package org.safeguarding.chronology.query.agency;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Agencies, by id and as the agency of entries and of knowledge: one FindAgencies per request level. */
@Controller
class AgencyController {

    private final QueryGateway queries;

    AgencyController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    CompletableFuture<AgencyView> agency(@Argument String id) {
        return find(List.of(id)).thenApply(found -> found.isEmpty() ? null : found.get(0));
    }

    @BatchMapping(typeName = "ChronologyEntry", field = "agency")
    Mono<Map<ChronologyEntryView, AgencyView>> entryAgency(List<ChronologyEntryView> entries) {
        return byAgency(entries, ChronologyEntryView::agencyId);
    }

    @BatchMapping(typeName = "AgencyKnowledge", field = "agency")
    Mono<Map<ChronologyEntryView.Knowledge, AgencyView>> knowledgeAgency(
            List<ChronologyEntryView.Knowledge> knowledge) {
        return byAgency(knowledge, ChronologyEntryView.Knowledge::agencyId);
    }

    private <K> Mono<Map<K, AgencyView>> byAgency(Collection<K> keys, Function<K, String> agencyId) {
        return Mono.fromFuture(find(keys.stream().map(agencyId).distinct().toList())).map(found -> {
            Map<String, AgencyView> agencies = new HashMap<>();
            found.forEach(agency -> agencies.put(agency.id(), agency));
            Map<K, AgencyView> result = new HashMap<>();
            keys.forEach(key -> result.put(key, agencies.get(agencyId.apply(key))));
            return result;
        });
    }

    private CompletableFuture<List<AgencyView>> find(List<String> agencyIds) {
        return queries.query(new FindAgencies(agencyIds), ResponseTypes.multipleInstancesOf(AgencyView.class));
    }
}
