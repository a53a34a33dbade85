package org.safeguarding.chronology.command;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.review.AddReviewMember;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.review.CompleteAction;
import org.safeguarding.chronology.api.review.MarkKeyPracticeEpisode;
import org.safeguarding.chronology.api.review.RecordFinding;
import org.safeguarding.chronology.api.review.RecordRecommendation;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.api.text.TextRules;
import org.springframework.stereotype.Component;

/**
 * The rules a command must meet on its own (BAD_REQUEST), checked before its aggregate is loaded, so a
 * malformed command is a BAD_REQUEST even when its child or agency does not exist.
 */
@Component
public class CommandChecks implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final int MAX_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION_TEXT = 1_000;

    private final Clock clock;

    public CommandChecks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        check(unitOfWork.getMessage().getPayload());
        return chain.proceed();
    }

    public void check(Object command) {
        Instant now = clock.instant();
        if (command instanceof RegisterAgency c) {
            identifier("id", c.agencyId());
            text("name", c.name(), MAX_NAME);
            given("sector", c.sector());
        } else if (command instanceof RegisterChild c) {
            identifier("id", c.childId());
            text("displayName", c.displayName(), MAX_NAME);
            if (c.dateOfBirth() != null && c.dateOfBirth().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw badRequest("dateOfBirth", "dateOfBirth " + c.dateOfBirth() + " is in the future");
            }
        } else if (command instanceof RecordEntry c) {
            identifier("childId", c.childId());
            identifier("agencyId", c.agencyId());
            identifier("sourceRef", c.sourceRef());
            given("kind", c.kind());
            notLater("occurredAt", c.occurredAt(), now);
            occurredAtStartsItsPeriod(c.occurredAt(), c.occurredAtPrecision());
            notLater("knownAt", c.knownAt(), now);
            knownNotBeforeOccurred(c.occurredAt(), c.knownAt());
            text("summary", c.summary(), MAX_TEXT);
            given("significance", c.significance());
            if (c.professional() != null) {
                text("professional", c.professional(), MAX_NAME);
            }
            ids("personIds", c.personIds());
            actions(c.actions());
            if (c.escalatedTo() != null) {
                identifier("escalatedTo", c.escalatedTo());
                if (c.escalatedTo().equals(c.agencyId())) {
                    throw badRequest("escalatedTo", "escalatedTo is " + c.escalatedTo() + ", the recording agency: "
                            + "an agency cannot escalate to itself");
                }
            }
            if (c.respondsTo() != null) {
                identifier("respondsTo", c.respondsTo());
            }
            fitTheKind(c.kind(), c.thresholdDecision(), c.actions(), c.escalatedTo());
        } else if (command instanceof CorrectEntry c) {
            identifier("entryId", c.entryId());
            identifier("agencyId", c.agencyId());
            text("reason", c.reason(), MAX_TEXT);
            if (c.occurredAt() == null && c.occurredAtPrecision() == null && c.knownAt() == null && c.kind() == null
                    && c.summary() == null && c.significance() == null && c.concerns() == null
                    && c.thresholdDecision() == null && c.actions() == null) {
                throw badRequest("a correction must give at least one of occurredAt, occurredAtPrecision, knownAt, "
                        + "kind, summary, significance, concerns, thresholdDecision, actions");
            }
            if (c.occurredAt() != null) {
                notLater("occurredAt", c.occurredAt(), now);
                if (c.occurredAtPrecision() != null) {
                    occurredAtStartsItsPeriod(c.occurredAt(), c.occurredAtPrecision());
                }
            }
            if (c.knownAt() != null) {
                notLater("knownAt", c.knownAt(), now);
            }
            if (c.occurredAt() != null && c.knownAt() != null) {
                knownNotBeforeOccurred(c.occurredAt(), c.knownAt());
            }
            if (c.summary() != null) {
                text("summary", c.summary(), MAX_TEXT);
            }
            if (c.actions() != null) {
                actions(c.actions());
            }
            entryOfChild(c.entryId(), c.childId());
        } else if (command instanceof RetractEntry c) {
            identifier("entryId", c.entryId());
            identifier("agencyId", c.agencyId());
            text("reason", c.reason(), MAX_TEXT);
            entryOfChild(c.entryId(), c.childId());
        } else if (command instanceof RecordPersonKnown c) {
            identifier("childId", c.childId());
            identifier("agencyId", c.agencyId());
            identifier("personId", c.personId());
            given("role", c.role());
            given("sex", c.sex());
            notLater("knownAt", c.knownAt(), now);
            identifier("sourceRef", c.sourceRef());
        } else if (command instanceof ShareInformation c) {
            identifier("childId", c.childId());
            identifier("fromAgencyId", c.fromAgencyId());
            identifier("toAgencyId", c.toAgencyId());
            if (c.fromAgencyId().equals(c.toAgencyId())) {
                throw badRequest("toAgencyId", "fromAgencyId and toAgencyId are both " + c.fromAgencyId()
                        + ": an agency cannot share with itself");
            }
            atLeastOne("entryIds", c.entryIds(), "entry");
            notLater("sharedAt", c.sharedAt(), now);
            given("channel", c.channel());
            identifier("sourceRef", c.sourceRef());
        } else if (command instanceof CommissionReview c) {
            identifier("id", c.reviewId());
            given("type", c.type());
            atLeastOne("childIds", c.childIds(), "child");
            given("scopeFrom", c.scopeFrom());
            given("scopeTo", c.scopeTo());
            if (c.scopeFrom().isAfter(c.scopeTo())) {
                throw badRequest("scopeTo", "scopeFrom " + c.scopeFrom() + " is after scopeTo " + c.scopeTo());
            }
            identifier("chair", c.chair());
            given("commissionedAt", c.commissionedAt());
        } else if (command instanceof AddReviewMember c) {
            identifier("reviewId", c.reviewId());
            identifier("username", c.username());
        } else if (command instanceof MarkKeyPracticeEpisode c) {
            identifier("reviewId", c.reviewId());
            identifier("id", c.episodeId());
            text("title", c.title(), MAX_TEXT);
            atLeastOne("entryIds", c.entryIds(), "entry");
            text("analysis", c.analysis(), MAX_TEXT);
        } else if (command instanceof RecordFinding c) {
            identifier("reviewId", c.reviewId());
            identifier("id", c.findingId());
            text("text", c.text(), MAX_TEXT);
            atLeastOne("evidenceEntryIds", c.evidenceEntryIds(), "entry");
        } else if (command instanceof RecordRecommendation c) {
            identifier("reviewId", c.reviewId());
            identifier("id", c.recommendationId());
            text("text", c.text(), MAX_TEXT);
            given("findingIds", c.findingIds());
            ids("findingIds", c.findingIds());
            identifier("ownerAgencyId", c.ownerAgencyId());
            given("dueBy", c.dueBy());
        } else if (command instanceof CompleteAction c) {
            identifier("reviewId", c.reviewId());
            identifier("recommendationId", c.recommendationId());
            given("completedAt", c.completedAt());
            text("note", c.note(), MAX_TEXT);
        } else if (command instanceof LinkEntries c) {
            identifier("childId", c.childId());
            identifier("id", c.linkId());
            given("kind", c.kind());
            distinctEntries("entryIds", c.entryIds(), 2);
            text("note", c.note(), MAX_TEXT);
        }
    }

    /**
     * The fields of the practice patterns that only some kinds of entry carry: those of a recorded entry, or of the
     * version a correction would create.
     */
    public static void fitTheKind(EntryKind kind, ThresholdDecision thresholdDecision, List<PlanAction> actions,
                                  String escalatedTo) {
        if (thresholdDecision != null && kind != EntryKind.REFERRAL) {
            throw badRequest("thresholdDecision", "thresholdDecision is only for a REFERRAL, not a " + kind);
        }
        if (!actions.isEmpty() && !PlanAction.KINDS.contains(kind)) {
            throw badRequest("actions", "actions are only for a STRATEGY_DISCUSSION, CHILD_PROTECTION_CONFERENCE, "
                    + "MULTI_AGENCY_MEETING or CHILD_PROTECTION_PLAN_STARTED, not a " + kind);
        }
        if (escalatedTo != null && kind != EntryKind.ESCALATION) {
            throw badRequest("escalatedTo", "escalatedTo is only for an ESCALATION, not a " + kind);
        }
    }

    private static void actions(List<PlanAction> actions) {
        if (actions.size() > MAX_ACTIONS) {
            throw badRequest("actions", "actions must have at most " + MAX_ACTIONS + " items, not " + actions.size());
        }
        for (int i = 0; i < actions.size(); i++) {
            PlanAction action = actions.get(i);
            text("actions[" + i + "].what", action.what(), MAX_ACTION_TEXT);
            if (action.ownerAgencyId() != null) {
                identifier("actions[" + i + "].ownerAgencyId", action.ownerAgencyId());
            }
            if (action.contingency() != null) {
                text("actions[" + i + "].contingency", action.contingency(), MAX_ACTION_TEXT);
            }
        }
    }

    /** Lengths in Unicode code points: a summary of 10,000 emoji is 10,000 characters long. */
    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw badRequest(field, field + " must not be blank");
        }
        int length = TextRules.length(value);
        if (length > maxLength) {
            throw badRequest(field, field + " must be at most " + maxLength + " characters, not " + length);
        }
        refuse(field, TextRules.textFault(value));
    }

    /** An id or a source reference: no control character at all, not even a tab or a line feed. */
    private static void identifier(String field, String value) {
        text(field, value, MAX_ID);
        refuse(field, TextRules.identifierFault(value));
    }

    private static void ids(String field, List<String> ids) {
        for (String id : ids) {
            identifier(field, id);
        }
    }

    private static void atLeastOne(String field, List<String> ids, String what) {
        if (ids == null || ids.isEmpty()) {
            throw badRequest(field, field + " must name at least one " + what);
        }
        ids(field, ids);
    }

    private static void distinctEntries(String field, List<String> ids, int least) {
        if (ids == null || ids.size() < least) {
            throw badRequest("%s must name at least %d distinct entries, not %d"
                    .formatted(field, least, ids == null ? 0 : ids.size()));
        }
        ids(field, ids);
        Set<String> named = new HashSet<>();
        for (String id : ids) {
            if (!named.add(id)) {
                throw badRequest(field + " names entry " + id + " more than once: each entry is named once");
            }
        }
    }

    private static void refuse(String field, String fault) {
        if (fault != null) {
            throw badRequest(field, field + " " + fault);
        }
    }

    private static void given(String field, Object value) {
        if (value == null) {
            throw badRequest(field, field + " is missing");
        }
    }

    private static void notLater(String field, Instant value, Instant now) {
        given(field, value);
        if (value.isAfter(now)) {
            throw badRequest(field, field + " " + value + " is later than the platform clock (" + now + ")");
        }
    }

    private static void knownNotBeforeOccurred(Instant occurredAt, Instant knownAt) {
        if (knownAt.isBefore(occurredAt)) {
            throw badRequest("knownAt", "knownAt " + knownAt + " is before occurredAt " + occurredAt);
        }
    }

    /** An imprecise occurredAt is the first instant (UTC) of its day, month or year. */
    public static void occurredAtStartsItsPeriod(Instant occurredAt, DatePrecision precision) {
        if (precision == DatePrecision.EXACT) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        LocalDate first = switch (precision) {
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
            default -> day;
        };
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!start.equals(occurredAt)) {
            throw badRequest("occurredAt", "occurredAt %s is not the start of a %s: give %s with occurredAtPrecision %s"
                    .formatted(occurredAt, precision, start, precision));
        }
    }

    /** The command's childId is derived from the entry id, so an id that names no child names no entry. */
    private static void entryOfChild(String entryId, String childId) {
        if (childId == null || !childId.equals(ChildIds.childOfEntry(entryId))) {
            throw notFound("entry " + entryId + " does not exist");
        }
    }
}
