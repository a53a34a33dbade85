package org.safeguarding.chronology.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.conflict;
import static org.safeguarding.chronology.api.rejection.RejectedException.forbidden;
import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.review.ActionCompleted;
import org.safeguarding.chronology.api.review.AddReviewMember;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.review.CompleteAction;
import org.safeguarding.chronology.api.review.FindingRecorded;
import org.safeguarding.chronology.api.review.KeyPracticeEpisodeMarked;
import org.safeguarding.chronology.api.review.MarkKeyPracticeEpisode;
import org.safeguarding.chronology.api.review.RecommendationRecorded;
import org.safeguarding.chronology.api.review.RecordFinding;
import org.safeguarding.chronology.api.review.RecordRecommendation;
import org.safeguarding.chronology.api.review.ReviewCommissioned;
import org.safeguarding.chronology.api.review.ReviewIds;
import org.safeguarding.chronology.api.review.ReviewMemberAdded;
import org.safeguarding.chronology.api.review.ReviewType;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.api.review.ReviewView.FindingView;
import org.safeguarding.chronology.api.review.ReviewView.KeyPracticeEpisodeView;
import org.safeguarding.chronology.api.review.ReviewView.RecommendationView;

/**
 * A safeguarding review: its children, scope and chair, its members, and what the review records (key practice
 * episodes, findings, recommendations and the completion of their actions). Field-level rules are checked before
 * a command gets here (CommandChecks). Here, in this order: the acting user's rights (FORBIDDEN), whether the id
 * repeats what it recorded before, then the rules that look at the record.
 */
@Aggregate
public class Review {

    private static final Set<UserRole> MEMBER_ROLES = Set.of(UserRole.REVIEWER, UserRole.CHAIR);

    @AggregateIdentifier
    private String id;
    private String reviewId;
    private Terms terms;
    private LocalDate dueBy;
    private final List<String> members = new ArrayList<>();
    private final Map<String, KeyPracticeEpisodeView> episodes = new LinkedHashMap<>();
    private final Map<String, FindingView> findings = new LinkedHashMap<>();
    private final Map<String, RecommendationView> recommendations = new LinkedHashMap<>();

    public Review() {
    }

    /** What a review is commissioned with; commissioning it again must give the same. */
    private record Terms(ReviewType type, List<String> childIds, LocalDate scopeFrom, LocalDate scopeTo,
                         String chair, Instant commissionedAt) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReviewView handle(CommissionReview command, MetaData metaData, ReviewReferences references) {
        ActingUser user = actingUser(metaData);
        if (!user.isAdmin()) {
            throw forbidden("only an administrator may commission a review");
        }
        Terms asked = new Terms(command.type(), distinct(command.childIds()), command.scopeFrom(), command.scopeTo(),
                command.chair(), command.commissionedAt());
        if (!repeats(terms, asked, "review " + command.reviewId() + " was already commissioned")) {
            references.requireChildren(asked.childIds());
            UserRole chairRole = references.roleOf(asked.chair());
            if (chairRole != UserRole.CHAIR) {
                throw badRequest("chair " + asked.chair() + " has role " + chairRole + ", not CHAIR");
            }
            apply(new ReviewCommissioned(command.reviewId(), asked.type(), asked.childIds(), asked.scopeFrom(),
                    asked.scopeTo(), asked.chair(), asked.commissionedAt(),
                    asked.type().dueBy(asked.commissionedAt()), user.username()));
        }
        return view();
    }

    /** Adding a member again changes nothing. */
    @CommandHandler
    public ReviewView handle(AddReviewMember command, MetaData metaData, ReviewReferences references) {
        ActingUser user = chairOrAdmin(metaData, "add a member to");
        if (!members.contains(command.username())) {
            UserRole role = references.roleOf(command.username());
            if (!MEMBER_ROLES.contains(role)) {
                throw badRequest("user " + command.username() + " has role " + role
                        + ": a member must have role REVIEWER or CHAIR");
            }
            apply(new ReviewMemberAdded(reviewId, command.username(), user.username()));
        }
        return view();
    }

    @CommandHandler
    public ReviewView handle(MarkKeyPracticeEpisode command, MetaData metaData, ReviewReferences references) {
        ActingUser user = memberOrAdmin(metaData, "mark a key practice episode of");
        KeyPracticeEpisodeView asked = new KeyPracticeEpisodeView(command.episodeId(), command.title(),
                distinct(command.entryIds()), command.analysis());
        if (!repeats(episodes.get(asked.id()), asked, "key practice episode " + asked.id() + " was already marked")) {
            references.requireEntriesOf(terms.childIds(), "entryIds", asked.entryIds());
            apply(new KeyPracticeEpisodeMarked(reviewId, asked.id(), asked.title(), asked.entryIds(),
                    asked.analysis(), user.username()));
        }
        return view();
    }

    @CommandHandler
    public ReviewView handle(RecordFinding command, MetaData metaData, ReviewReferences references) {
        ActingUser user = chairOrAdmin(metaData, "record a finding of");
        FindingView asked = new FindingView(command.findingId(), command.text(),
                distinct(command.evidenceEntryIds()));
        if (!repeats(findings.get(asked.id()), asked, "finding " + asked.id() + " was already recorded")) {
            references.requireEntriesOf(terms.childIds(), "evidenceEntryIds", asked.evidenceEntryIds());
            apply(new FindingRecorded(reviewId, asked.id(), asked.text(), asked.evidenceEntryIds(),
                    user.username()));
        }
        return view();
    }

    @CommandHandler
    public ReviewView handle(RecordRecommendation command, MetaData metaData, ReviewReferences references) {
        ActingUser user = chairOrAdmin(metaData, "record a recommendation of");
        RecommendationView asked = new RecommendationView(command.recommendationId(), command.text(),
                distinct(command.findingIds()), command.ownerAgencyId(), command.dueBy(), null, null);
        RecommendationView earlier = recommendations.get(asked.id());
        if (!repeats(earlier == null ? null : earlier.asRecorded(), asked,
                "recommendation " + asked.id() + " was already recorded")) {
            for (String findingId : asked.findingIds()) {
                if (!findings.containsKey(findingId)) {
                    throw notFound("findingIds: " + findingId + " is not a finding of review " + reviewId);
                }
            }
            references.requireAgency(asked.ownerAgencyId());
            apply(new RecommendationRecorded(reviewId, asked.id(), asked.text(), asked.findingIds(),
                    asked.ownerAgencyId(), asked.dueBy(), user.username()));
        }
        return view();
    }

    /** Completing again changes nothing, whatever completedAt and note it gives. */
    @CommandHandler
    public ReviewView handle(CompleteAction command, MetaData metaData) {
        ActingUser user = chairOrAdmin(metaData, "complete an action of");
        RecommendationView recommendation = recommendations.get(command.recommendationId());
        if (recommendation == null) {
            throw notFound("recommendation " + command.recommendationId() + " is not a recommendation of review "
                    + reviewId);
        }
        if (recommendation.completedAt() == null) {
            apply(new ActionCompleted(reviewId, recommendation.id(), command.completedAt(), command.note(),
                    user.username()));
        }
        return view();
    }

    /**
     * The one idempotency rule of reviews: true when what the id holds is exactly what is asked (nothing to do),
     * false when the id is new; CONFLICT when it holds something else.
     */
    private static <T> boolean repeats(T earlier, T asked, String recorded) {
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(asked)) {
            throw conflict(recorded + " with different content");
        }
        return true;
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }

    private static ActingUser actingUser(MetaData metaData) {
        ActingUser user = ActingUser.from(metaData);
        if (user == null) {
            throw forbidden("a review command needs an authenticated user");
        }
        return user;
    }

    private ActingUser chairOrAdmin(MetaData metaData, String act) {
        ActingUser user = actingUser(metaData);
        if (!user.isAdmin() && !(user.role() == UserRole.CHAIR && user.username().equals(terms.chair()))) {
            throw forbidden("only the chair of review %s or an administrator may %s it".formatted(reviewId, act));
        }
        return user;
    }

    private ActingUser memberOrAdmin(MetaData metaData, String act) {
        ActingUser user = actingUser(metaData);
        if (!user.isAdmin() && !(MEMBER_ROLES.contains(user.role()) && members.contains(user.username()))) {
            throw forbidden("only a member of review %s or an administrator may %s it".formatted(reviewId, act));
        }
        return user;
    }

    private ReviewView view() {
        return new ReviewView(reviewId, terms.type(), terms.childIds(), terms.scopeFrom(), terms.scopeTo(),
                terms.commissionedAt(), dueBy, terms.chair(), List.copyOf(members), List.copyOf(episodes.values()),
                List.copyOf(findings.values()), List.copyOf(recommendations.values()));
    }

    @EventSourcingHandler
    void on(ReviewCommissioned event) {
        id = ReviewIds.aggregateId(event.reviewId());
        reviewId = event.reviewId();
        terms = new Terms(event.type(), event.childIds(), event.scopeFrom(), event.scopeTo(), event.chair(),
                event.commissionedAt());
        dueBy = event.dueBy();
        members.add(event.chair());
    }

    @EventSourcingHandler
    void on(ReviewMemberAdded event) {
        members.add(event.username());
    }

    @EventSourcingHandler
    void on(KeyPracticeEpisodeMarked event) {
        episodes.put(event.episodeId(), new KeyPracticeEpisodeView(event.episodeId(), event.title(),
                event.entryIds(), event.analysis()));
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings.put(event.findingId(), new FindingView(event.findingId(), event.text(), event.evidenceEntryIds()));
    }

    @EventSourcingHandler
    void on(RecommendationRecorded event) {
        recommendations.put(event.recommendationId(), new RecommendationView(event.recommendationId(), event.text(),
                event.findingIds(), event.ownerAgencyId(), event.dueBy(), null, null));
    }

    @EventSourcingHandler
    void on(ActionCompleted event) {
        recommendations.computeIfPresent(event.recommendationId(),
                (key, recommendation) -> recommendation.completed(event.completedAt(), event.note()));
    }
}
