package org.safeguarding.chronology.command.review;

import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.child.ChildDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a review names outside itself: children and their entries, agencies, users. Each is NOT_FOUND when it
 * does not exist. The users come from the {@link ReviewUsers} bean, looked up when first needed, so the service
 * starts (and refuses no other command) while no user store is configured.
 */
@Component
public class ReviewReferences {

    private final ChildDirectory children;
    private final AgencyDirectory agencies;
    private final Supplier<ReviewUsers> users;

    @Autowired
    public ReviewReferences(ChildDirectory children, AgencyDirectory agencies, ObjectProvider<ReviewUsers> users) {
        this(children, agencies, (Supplier<ReviewUsers>) () -> {
            ReviewUsers configured = users.getIfAvailable();
            if (configured == null) {
                throw new IllegalStateException("no user store is configured (a ReviewUsers bean)");
            }
            return configured;
        });
    }

    public ReviewReferences(ChildDirectory children, AgencyDirectory agencies, ReviewUsers users) {
        this(children, agencies, (Supplier<ReviewUsers>) () -> users);
    }

    private ReviewReferences(ChildDirectory children, AgencyDirectory agencies, Supplier<ReviewUsers> users) {
        this.children = children;
        this.agencies = agencies;
        this.users = users;
    }

    public void requireChildren(List<String> childIds) {
        childIds.forEach(children::requireRegistered);
    }

    /** Every entry id an entry of one of the children (retracted or not). */
    public void requireEntriesOf(List<String> childIds, String field, List<String> entryIds) {
        for (String entryId : entryIds) {
            String childId = ChildIds.childOfEntry(entryId);
            if (childId == null || !childIds.contains(childId)) {
                throw notFound("%s: %s is not an entry of the review's children".formatted(field, entryId));
            }
            if (!children.hasEntry(childId, entryId)) {
                throw notFound("%s: entry %s does not exist".formatted(field, entryId));
            }
        }
    }

    public void requireAgency(String agencyId) {
        agencies.requireRegistered(agencyId);
    }

    public UserRole roleOf(String username) {
        return users.get().roleOf(username).orElseThrow(() -> notFound("user " + username + " does not exist"));
    }

    public Optional<ReviewUsers.User> user(String username) {
        return users.get().find(username);
    }
}
