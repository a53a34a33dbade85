package org.safeguarding.chronology.query.agency;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.review.RecommendationAnswer;
import org.safeguarding.chronology.api.agency.FindAgencies;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.CaseStateView.OpenInvolvement;
import org.safeguarding.chronology.api.casestate.CaseStateView.UnseenPerson;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Agencies, by id and wherever an answer names one (entries, knowledge, involvement, unseen persons): one
 * FindAgencies per field and request level.
 */
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

    @BatchMapping(typeName = "ChronologyEntry", field = "escalatedTo")
    Mono<Map<ChronologyEntryView, AgencyView>> entryEscalatedTo(List<ChronologyEntryView> entries) {
        return byAgency(entries.stream().filter(entry -> entry.escalatedTo() != null).toList(),
                ChronologyEntryView::escalatedTo);
    }

    @BatchMapping(typeName = "PlanAction", field = "owner")
    Mono<Map<PlanAction, AgencyView>> planActionOwner(List<PlanAction> actions) {
        return byAgency(actions.stream().filter(action -> action.ownerAgencyId() != null).toList(),
                PlanAction::ownerAgencyId);
    }

    @BatchMapping(typeName = "PracticePattern", field = "agencies")
    Mono<Map<PracticePatternView, List<AgencyView>>> patternAgencies(List<PracticePatternView> patterns) {
        return agencyLists(patterns, PracticePatternView::agencyIds);
    }

    @BatchMapping(typeName = "User", field = "agency")
    Mono<Map<ActingUser, AgencyView>> userAgency(List<ActingUser> users) {
        List<ActingUser> ofAgencies = users.stream().filter(user -> user.agencyId() != null).toList();
        return byAgency(ofAgencies, ActingUser::agencyId);
    }

    @BatchMapping(typeName = "Recommendation", field = "ownerAgency")
    Mono<Map<RecommendationAnswer, AgencyView>> recommendationOwner(List<RecommendationAnswer> recommendations) {
        return byAgency(recommendations, RecommendationAnswer::ownerAgencyId);
    }

    @BatchMapping(typeName = "AgencyKnowledge", field = "agency")
    Mono<Map<ChronologyEntryView.Knowledge, AgencyView>> knowledgeAgency(
            List<ChronologyEntryView.Knowledge> knowledge) {
        return byAgency(knowledge, ChronologyEntryView.Knowledge::agencyId);
    }

    @BatchMapping(typeName = "OpenInvolvement", field = "agency")
    Mono<Map<OpenInvolvement, AgencyView>> openInvolvementAgency(List<OpenInvolvement> involvement) {
        return byAgency(involvement, OpenInvolvement::agencyId);
    }

    @BatchMapping(typeName = "AgencyInvolvement", field = "agency")
    Mono<Map<AgencyInvolvementView, AgencyView>> involvementAgency(List<AgencyInvolvementView> involvement) {
        return byAgency(involvement, AgencyInvolvementView::agencyId);
    }

    @BatchMapping(typeName = "UnseenPerson", field = "knownTo")
    Mono<Map<UnseenPerson, List<AgencyView>>> unseenPersonKnownTo(List<UnseenPerson> persons) {
        return agencyLists(persons, UnseenPerson::knownTo);
    }

    @BatchMapping(typeName = "UnseenPerson", field = "unknownTo")
    Mono<Map<UnseenPerson, List<AgencyView>>> unseenPersonUnknownTo(List<UnseenPerson> persons) {
        return agencyLists(persons, UnseenPerson::unknownTo);
    }

    /** Each key's agencies in the order of its ids; an id not (yet) in the directory is left out. */
    private <K> Mono<Map<K, List<AgencyView>>> agencyLists(Collection<K> keys, Function<K, List<String>> agencyIds) {
        return agencies(keys.stream().flatMap(key -> agencyIds.apply(key).stream())).map(agencies -> {
            Map<K, List<AgencyView>> result = new HashMap<>();
            keys.forEach(key -> result.put(key,
                    agencyIds.apply(key).stream().map(agencies::get).filter(Objects::nonNull).toList()));
            return result;
        });
    }

    private <K> Mono<Map<K, AgencyView>> byAgency(Collection<K> keys, Function<K, String> agencyId) {
        return agencies(keys.stream().map(agencyId)).map(agencies -> {
            Map<K, AgencyView> result = new HashMap<>();
            keys.forEach(key -> result.put(key, agencies.get(agencyId.apply(key))));
            return result;
        });
    }

    /** One FindAgencies for all the ids, answered by id. */
    private Mono<Map<String, AgencyView>> agencies(Stream<String> agencyIds) {
        return Mono.fromFuture(find(agencyIds.distinct().toList())).map(found -> {
            Map<String, AgencyView> agencies = new HashMap<>();
            found.forEach(agency -> agencies.put(agency.id(), agency));
            return agencies;
        });
    }

    private CompletableFuture<List<AgencyView>> find(List<String> agencyIds) {
        return queries.query(new FindAgencies(agencyIds), ResponseTypes.multipleInstancesOf(AgencyView.class));
    }
}
