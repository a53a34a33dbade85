package org.safeguarding.chronology.command;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.sharing.ShareInformation;
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
            text("id", c.agencyId(), MAX_ID);
            text("name", c.name(), MAX_NAME);
            given("sector", c.sector());
        } else if (command instanceof RegisterChild c) {
            text("id", c.childId(), MAX_ID);
            text("displayName", c.displayName(), MAX_NAME);
            if (c.dateOfBirth() != null && c.dateOfBirth().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw badRequest("dateOfBirth " + c.dateOfBirth() + " is in the future");
            }
        } else if (command instanceof RecordEntry c) {
            text("childId", c.childId(), MAX_ID);
            text("agencyId", c.agencyId(), MAX_ID);
            text("sourceRef", c.sourceRef(), MAX_ID);
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
        } else if (command instanceof CorrectEntry c) {
            text("entryId", c.entryId(), MAX_ID);
            text("agencyId", c.agencyId(), MAX_ID);
            text("reason", c.reason(), MAX_TEXT);
            if (c.occurredAt() == null && c.occurredAtPrecision() == null && c.knownAt() == null && c.kind() == null
                    && c.summary() == null && c.significance() == null) {
                throw badRequest("a correction must give at least one of occurredAt, occurredAtPrecision, knownAt, "
                        + "kind, summary, significance");
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
            entryOfChild(c.entryId(), c.childId());
        } else if (command instanceof RetractEntry c) {
            text("entryId", c.entryId(), MAX_ID);
            text("agencyId", c.agencyId(), MAX_ID);
            text("reason", c.reason(), MAX_TEXT);
            entryOfChild(c.entryId(), c.childId());
        } else if (command instanceof RecordPersonKnown c) {
            text("childId", c.childId(), MAX_ID);
            text("agencyId", c.agencyId(), MAX_ID);
            text("personId", c.personId(), MAX_ID);
            given("role", c.role());
            given("sex", c.sex());
            notLater("knownAt", c.knownAt(), now);
            text("sourceRef", c.sourceRef(), MAX_ID);
        } else if (command instanceof ShareInformation c) {
            text("childId", c.childId(), MAX_ID);
            text("fromAgencyId", c.fromAgencyId(), MAX_ID);
            text("toAgencyId", c.toAgencyId(), MAX_ID);
            if (c.fromAgencyId().equals(c.toAgencyId())) {
                throw badRequest("fromAgencyId and toAgencyId are both " + c.fromAgencyId() + ": an agency cannot "
                        + "share with itself");
            }
            if (c.entryIds() == null || c.entryIds().isEmpty()) {
                throw badRequest("entryIds must name at least one entry");
            }
            ids("entryIds", c.entryIds());
            notLater("sharedAt", c.sharedAt(), now);
            given("channel", c.channel());
            text("sourceRef", c.sourceRef(), MAX_ID);
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw badRequest(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw badRequest(field + " must be at most " + maxLength + " characters, not " + value.length());
        }
    }

    private static void ids(String field, List<String> ids) {
        for (String id : ids) {
            text(field, id, MAX_ID);
        }
    }

    private static void given(String field, Object value) {
        if (value == null) {
            throw badRequest(field + " is missing");
        }
    }

    private static void notLater(String field, Instant value, Instant now) {
        given(field, value);
        if (value.isAfter(now)) {
            throw badRequest(field + " " + value + " is later than the platform clock (" + now + ")");
        }
    }

    private static void knownNotBeforeOccurred(Instant occurredAt, Instant knownAt) {
        if (knownAt.isBefore(occurredAt)) {
            throw badRequest("knownAt " + knownAt + " is before occurredAt " + occurredAt);
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
            throw badRequest("occurredAt %s is not the start of a %s: give %s with occurredAtPrecision %s"
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
