package org.safeguarding.chronology.query.review;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.calendar.WorkingDays;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.FindEntries;
import org.safeguarding.chronology.api.review.RecommendationAnswer;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.KeyPracticeEpisodeView;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code review} and {@code reviews}, and what a review names: children, users and entries, each batched per
 * field and request level (the entries of every episode or finding of a level in one FindEntries).
 */
@Controller
class ReviewController {

    private final ChildReads reads;
    private final QueryGateway queries;
    private final UserAccounts users;
    private final Clock clock = Clock.systemUTC();

    ReviewController(ChildReads reads, QueryGateway queries, UserAccounts users) {
        this.reads = reads;
        this.queries = queries;
        this.users = users;
    }

    @QueryMapping
    CompletableFuture<ReviewView> review(@Argument String id, DataFetchingEnvironment field) {
        return reads.review(field, id);
    }

    @QueryMapping
    CompletableFuture<List<ReviewView>> reviews(DataFetchingEnvironment field) {
        return reads.reviews(field);
    }

    @BatchMapping(typeName = "Review")
    Mono<Map<ReviewView, List<ChildView>>> children(List<ReviewView> reviews) {
        return Flux.fromStream(reviews.stream().flatMap(review -> review.childIds().stream()).distinct())
                .flatMap(childId -> Mono.fromFuture(queries.query(new FindChild(childId), ChildView.class)))
                .collectMap(ChildView::id, Function.identity(), HashMap::new)
                .map(children -> byKey(reviews, review -> review.childIds().stream().map(children::get)
                        .filter(Objects::nonNull).toList()));
    }

    @BatchMapping(typeName = "Review")
    Map<ReviewView, ActingUser> chair(List<ReviewView> reviews) {
        Map<String, ActingUser> known = users(reviews.stream().map(ReviewView::chair).toList());
        Map<ReviewView, ActingUser> chairs = new HashMap<>();
        reviews.forEach(review -> {
            ActingUser chair = known.get(review.chair());
            if (chair != null) {
                chairs.put(review, chair);
            }
        });
        return chairs;
    }

    /** The chair first, then the members in the order they were added. */
    @BatchMapping(typeName = "Review")
    Map<ReviewView, List<ActingUser>> members(List<ReviewView> reviews) {
        Map<String, ActingUser> known = users(reviews.stream().flatMap(review -> review.members().stream()).toList());
        return byKey(reviews, review -> review.members().stream().map(known::get).filter(Objects::nonNull).toList());
    }

    /** The status as of today's date in Europe/London. */
    @SchemaMapping(typeName = "Review")
    List<RecommendationAnswer> recommendations(ReviewView review) {
        return RecommendationAnswer.of(review, WorkingDays.londonDate(clock.instant()));
    }

    @BatchMapping(typeName = "KeyPracticeEpisode")
    Mono<Map<KeyPracticeEpisodeView, List<ChronologyEntryView>>> entries(List<KeyPracticeEpisodeView> episodes) {
        return entriesNamed(episodes, KeyPracticeEpisodeView::entryIds);
    }

    @BatchMapping(typeName = "Finding")
    Mono<Map<FindingView, List<ChronologyEntryView>>> evidence(List<FindingView> findings) {
        return entriesNamed(findings, FindingView::evidenceEntryIds);
    }

    /** Each key's entries as the record stands now, in the order it names them, with one FindEntries for all. */
    private <K> Mono<Map<K, List<ChronologyEntryView>>> entriesNamed(List<K> keys, Function<K, List<String>> entryIds) {
        List<String> all = keys.stream().flatMap(key -> entryIds.apply(key).stream()).distinct().toList();
        return Mono.fromFuture(queries.query(new FindEntries(all), ResponseTypes.multipleInstancesOf(ChronologyEntryView.class)))
                .map(found -> {
                    Map<String, ChronologyEntryView> byId = new HashMap<>();
                    found.forEach(entry -> byId.put(entry.id(), entry));
                    return byKey(keys, key -> entryIds.apply(key).stream().map(byId::get).filter(Objects::nonNull).toList());
                });
    }

    private Map<String, ActingUser> users(List<String> usernames) {
        Map<String, ActingUser> known = new HashMap<>();
        users.findAll(usernames.stream().distinct().toList())
                .forEach((username, account) -> known.put(username, account.actingUser()));
        return known;
    }

    private static <K, V> Map<K, V> byKey(List<K> keys, Function<K, V> value) {
        Map<K, V> result = new HashMap<>();
        keys.forEach(key -> result.put(key, value.apply(key)));
        return result;
    }
}
