package org.safeguarding.chronology.command.access;

import static org.safeguarding.chronology.api.rejection.RejectedException.forbidden;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.agency.RegisterAgency;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.review.CommissionReview;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.command.chronology.RecordEntries;
import org.safeguarding.chronology.command.review.ReviewMembers;
import org.safeguarding.chronology.security.ActingUsers;
import org.springframework.stereotype.Component;

/**
 * Every command passes here on its way to the command bus: the acting user of the request goes with it as metadata,
 * and what the command alone shows is checked (the role; for an agency user, that the command is its agency's own).
 * What needs the record (who chairs a review or is a member, who recorded an entry) is checked where the record is,
 * with that metadata: the review's commands all go on to the review. A review's command on a child's case (a link
 * between its entries) is checked here, against the reviews' members, before the case is loaded: a user outside
 * the child's reviews learns nothing of it, not even whether it exists. A command type not named here is ADMIN's
 * only.
 */
@Component
public class CommandRights implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ReviewMembers reviewMembers;

    public CommandRights(ReviewMembers reviewMembers) {
        this.reviewMembers = reviewMembers;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            ActingUser user = ActingUsers.current();
            check(user, command.getPayload());
            return command.andMetaData(user.toMetaData());
        };
    }

    /** Refuses, as FORBIDDEN, a command outside the user's rights. */
    public void check(ActingUser user, Object command) {
        if (user.isAdmin()) {
            return;
        }
        if (command instanceof RecordEntries batch) {
            batch.entries().forEach(entry -> check(user, entry));
        } else if (command instanceof RecordEntry c) {
            ownAgency(user, c.agencyId(), "agencyId");
        } else if (command instanceof CorrectEntry c) {
            ownAgency(user, c.agencyId(), "agencyId");
        } else if (command instanceof RetractEntry c) {
            ownAgency(user, c.agencyId(), "agencyId");
        } else if (command instanceof RecordPersonKnown c) {
            ownAgency(user, c.agencyId(), "agencyId");
        } else if (command instanceof ShareInformation c) {
            ownAgency(user, c.fromAgencyId(), "fromAgencyId");
        } else if (command instanceof LinkEntries c) {
            memberOfAReviewOf(user, c.childId(), "link entries");
        } else if (command.getClass().getPackage().equals(CommissionReview.class.getPackage())) {
            return;
        } else if (command instanceof RegisterAgency || command instanceof RegisterChild) {
            throw forbidden("only an ADMIN user may register agencies and children");
        } else {
            throw forbidden("user " + user.username() + " (" + user.role() + ") may not do this");
        }
    }

    /** Refuses, as FORBIDDEN, a user who may not record entries for the agency (as recordEntry's rights have it). */
    public void checkRecordsFor(ActingUser user, String agencyId) {
        if (!user.isAdmin()) {
            ownAgency(user, agencyId, "agencyId");
        }
    }

    private void memberOfAReviewOf(ActingUser user, String childId, String act) {
        if (user.role() == UserRole.AGENCY) {
            throw forbidden("an agency user may not " + act + ": that is for the reviews");
        }
        if (!reviewMembers.isMemberOfReviewOf(user.username(), childId)) {
            throw forbidden("user " + user.username() + " may " + act + " only of the children of the reviews it is "
                    + "a member of");
        }
    }

    private static void ownAgency(ActingUser user, String agencyId, String field) {
        if (user.role() != UserRole.AGENCY) {
            throw forbidden("only an agency's own users (or ADMIN) may act for an agency; user " + user.username()
                    + " is " + user.role());
        }
        if (!user.agencyId().equals(agencyId)) {
            throw forbidden("user " + user.username() + " acts for agency " + user.agencyId() + " only, and "
                    + field + " names another agency");
        }
    }
}
