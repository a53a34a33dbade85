package org.safeguarding.chronology.query.access;

import static org.safeguarding.chronology.api.rejection.RejectedException.forbidden;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.ChronologyPages;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindChronologyPages;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.FindPossibleDuplicates;
import org.safeguarding.chronology.api.patterns.FindPracticePatterns;
import org.safeguarding.chronology.api.patterns.PracticePatternsAnswer;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.review.ReviewView;
import org.safeguarding.chronology.query.review.KnownReviews;
import org.safeguarding.chronology.security.ActingUsers;
import org.safeguarding.chronology.security.audit.AuditPage;
import org.safeguarding.chronology.security.audit.AuditRecord;
import org.safeguarding.chronology.security.audit.AuditTrail;
import org.safeguarding.chronology.security.audit.AuditedField;
import org.springframework.stereotype.Service;

/**
 * Every read of a child's data passes here: who asks is checked against the contract's roles, the read is audited,
 * and only then is it answered. An agency user's chronology, entry and case state are its agency's view. A refusal
 * is a FORBIDDEN naming no data of the child (audited as {@code denied:<field>} by ForbiddenAudit).
 *
 * <p>The audit record is stored while the query runs, and the answer waits for both: a read that answered is in
 * the trail.
 */
@Service
public class ChildReads {

    /** The audited operation of an export (GET /exports/chronology). */
    public static final String EXPORT = "exportChronology";

    private final QueryGateway queries;
    private final ChildAccess access;
    private final AuditTrail trail;
    private final KnownReviews reviews;
    private final Clock clock;

    public ChildReads(QueryGateway queries, ChildAccess access, AuditTrail trail, KnownReviews reviews) {
        this.queries = queries;
        this.access = access;
        this.trail = trail;
        this.reviews = reviews;
        this.clock = Clock.systemUTC();
    }

    public CompletableFuture<ChildView> child(DataFetchingEnvironment field, String childId) {
        ActingUser user = mayRead(childId);
        return audited(field, user, childId, () -> queries.query(new FindChild(childId), ChildView.class));
    }

    public CompletableFuture<ChronologyPage> chronology(DataFetchingEnvironment field, FindChronology query) {
        ActingUser user = mayRead(query.childId());
        FindChronology asked = new FindChronology(query.childId(), viewOf(user, query.knownBy()), query.knownAt(),
                query.recordedAsOf(), query.first(), query.after(), query.personId());
        return audited(field, user, query.childId(), () -> queries.query(asked, ChronologyPage.class));
    }

    /** The rights and the view of {@code chronology}. */
    public CompletableFuture<ChronologyPages> chronologyPages(DataFetchingEnvironment field, FindChronologyPages query) {
        ActingUser user = mayRead(query.childId());
        FindChronologyPages asked = new FindChronologyPages(query.childId(), viewOf(user, query.knownBy()),
                query.knownAt(), query.recordedAsOf(), query.personId(), query.first());
        return audited(field, user, query.childId(), () -> queries.query(asked, ChronologyPages.class));
    }

    public CompletableFuture<ChronologyEntryView> entry(DataFetchingEnvironment field, FindEntry query) {
        String childId = ChildIds.childOfEntry(query.entryId());
        ActingUser user = mayRead(childId);
        FindEntry asked = new FindEntry(query.entryId(), query.recordedAsOf(), viewOf(user, null));
        return audited(field, user, childId, () -> queries.query(asked, ChronologyEntryView.class));
    }

    public CompletableFuture<CaseStateView> caseState(DataFetchingEnvironment field, FindCaseState query) {
        ActingUser user = mayRead(query.childId());
        FindCaseState asked = new FindCaseState(query.childId(), query.at(), viewOf(user, query.knownBy()),
                query.recordedAsOf(), query.verify());
        return audited(field, user, query.childId(), () -> queries.query(asked, CaseStateView.class));
    }

    public CompletableFuture<List<AgencyInvolvementView>> involvement(DataFetchingEnvironment field,
                                                                      FindInvolvement query) {
        ActingUser user = mayRead(query.childId());
        ResponseType<List<AgencyInvolvementView>> type = ResponseTypes.multipleInstancesOf(AgencyInvolvementView.class);
        return audited(field, user, query.childId(), () -> queries.query(query, type));
    }

    /**
     * An export of the chronology over HTTP: the rights of {@code chronology}, audited once as
     * {@code exportChronology} with the export's arguments (a refusal as {@code denied:exportChronology}, stored
     * before it is thrown). Answers once the record is stored: the child (null when unknown), the view the user may
     * read (an agency user's own) and its pages by cursor, each {@code query.first()} entries; and the pages of the
     * widest view the user may read of the same record (every agency's, or an agency user's own), for the colours.
     */
    public CompletableFuture<ExportedChronology> exportChronology(FindChronology query, Map<String, Object> arguments) {
        ActingUser user = ActingUsers.current();
        FindChronology asked;
        FindChronology widest;
        try {
            mayRead(query.childId());
            asked = new FindChronology(query.childId(), viewOf(user, query.knownBy()), query.knownAt(),
                    query.recordedAsOf(), query.first(), null, query.personId());
            widest = new FindChronology(query.childId(), viewOf(user, null), null, query.recordedAsOf(),
                    query.first(), null);
        } catch (RejectedException refused) {
            if (refused.rejection() == Rejection.FORBIDDEN) {
                try {
                    trail.append(new AuditRecord(clock.instant(), user.username(), "denied:" + EXPORT, query.childId(),
                            AuditedField.arguments(arguments))).get(30, TimeUnit.SECONDS);
                } catch (Exception notStored) {
                    throw new IllegalStateException("the refusal could not be audited", notStored);
                }
            }
            throw refused;
        }
        CompletableFuture<Void> stored = trail.append(new AuditRecord(clock.instant(), user.username(), EXPORT,
                query.childId(), AuditedField.arguments(arguments)));
        return queries.query(new FindChild(query.childId()), ChildView.class).thenCombine(stored, (child, audited) ->
                new ExportedChronology(child, asked, pagesOf(asked), pagesOf(widest)));
    }

    /**
     * A granted export: the child (null when unknown), the view read, its page after a cursor (null: the first), and
     * the page of the widest view the user may read.
     */
    public record ExportedChronology(ChildView child, FindChronology view,
                                     Function<String, CompletableFuture<ChronologyPage>> pageAfter,
                                     Function<String, CompletableFuture<ChronologyPage>> widestPageAfter) {
    }

    private Function<String, CompletableFuture<ChronologyPage>> pagesOf(FindChronology view) {
        return after -> queries.query(new FindChronology(view.childId(), view.knownBy(), view.knownAt(),
                view.recordedAsOf(), view.first(), after, view.personId()), ChronologyPage.class);
    }

    /** ADMIN, and the members of a review of the child; no agency user. */
    public CompletableFuture<PracticePatternsAnswer> practicePatterns(DataFetchingEnvironment field,
                                                                      FindPracticePatterns query) {
        ActingUser user = mayReview(query.childId(), "practice patterns");
        return audited(field, user, query.childId(), () -> queries.query(query, PracticePatternsAnswer.class));
    }

    /** ADMIN, and the members of a review of the child; no agency user. */
    public CompletableFuture<List<DuplicateCandidateView>> possibleDuplicates(DataFetchingEnvironment field,
                                                                              FindPossibleDuplicates query) {
        ActingUser user = mayReview(query.childId(), "possible duplicates");
        ResponseType<List<DuplicateCandidateView>> type = ResponseTypes.multipleInstancesOf(DuplicateCandidateView.class);
        return audited(field, user, query.childId(), () -> queries.query(query, type));
    }

    /** ADMIN, and the chairs of a review of the child. */
    public CompletableFuture<AuditPage> auditTrail(DataFetchingEnvironment field, String childId, int first,
                                                   String after) {
        ActingUser user = ActingUsers.current();
        if (!user.isAdmin() && !(user.role() == UserRole.CHAIR && access.chairOfReviewOf(user.username(), childId))) {
            throw forbidden("only ADMIN and the chairs of a review of the child may read its audit trail");
        }
        return audited(field, user, childId, () -> CompletableFuture.completedFuture(trail.page(childId, first, after)));
    }

    /**
     * ADMIN, and the review's members (its chair is one); no agency user. An unknown review is null. Audited once
     * per child of the review.
     */
    public CompletableFuture<ReviewView> review(DataFetchingEnvironment field, String reviewId) {
        ActingUser user = ActingUsers.current();
        if (user.role() == UserRole.AGENCY) {
            throw forbidden("an agency user has no review operation");
        }
        ReviewView review = reviews.find(reviewId);
        if (review == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!user.isAdmin() && !access.memberOf(user.username(), reviewId)) {
            throw forbidden("only the members of a review (and ADMIN) may read it");
        }
        return audit(field, user, review.childIds()).thenApply(stored -> review);
    }

    /** The reviews the user may see, by id (none for an agency user); audited once per child of each. */
    public CompletableFuture<List<ReviewView>> reviews(DataFetchingEnvironment field) {
        ActingUser user = ActingUsers.current();
        List<ReviewView> visible = switch (user.role()) {
            case ADMIN -> reviews.all();
            case AGENCY -> List.of();
            case REVIEWER, CHAIR -> reviews.ofMember(user.username());
        };
        List<String> children = visible.stream().flatMap(review -> review.childIds().stream()).toList();
        return audit(field, user, children).thenApply(stored -> visible);
    }

    /** Audits one read per child named, and answers once they are stored. */
    private CompletableFuture<Void> audit(DataFetchingEnvironment field, ActingUser user, List<String> childIds) {
        return trail.append(childIds.stream().map(childId -> AuditedField.read(clock, user, field, childId)).toList());
    }

    private <T> CompletableFuture<T> audited(DataFetchingEnvironment field, ActingUser user, String childId,
                                             Supplier<CompletableFuture<T>> read) {
        AuditRecord record = AuditedField.read(clock, user, field, childId);
        CompletableFuture<Void> stored = trail.append(record);
        return read.get().thenCombine(stored, (answer, audited) -> answer);
    }

    /** The user, once it may read the child's data at all. */
    private ActingUser mayRead(String childId) {
        ActingUser user = ActingUsers.current();
        boolean may = switch (user.role()) {
            case ADMIN -> true;
            case AGENCY -> childId != null && access.agencyRecorded(user.agencyId(), childId);
            case REVIEWER, CHAIR -> childId != null && access.memberOfReviewOf(user.username(), childId);
        };
        if (!may) {
            throw forbidden(switch (user.role()) {
                case AGENCY -> "an agency user may read only the children its agency has recorded anything about";
                default -> "a reviewer or chair may read only the children of the reviews it is a member of";
            });
        }
        return user;
    }

    /** The user, once it may read the child's data for a review: no agency user. */
    private ActingUser mayReview(String childId, String what) {
        if (ActingUsers.current().role() == UserRole.AGENCY) {
            throw forbidden(what + " are for reviews: an agency user may not read them");
        }
        return mayRead(childId);
    }

    /** knownBy as asked, but an agency user always sees its own agency's view, and may not ask for another's. */
    private static String viewOf(ActingUser user, String knownBy) {
        if (user.role() != UserRole.AGENCY) {
            return knownBy;
        }
        if (knownBy != null && !knownBy.equals(user.agencyId())) {
            throw forbidden("an agency user sees its own agency's view only; knownBy names another agency");
        }
        return user.agencyId();
    }
}
