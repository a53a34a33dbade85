package org.safeguarding.chronology.command.review;

import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import java.util.List;
import java.util.Optional;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.child.ChildDirectory;
import org.springframework.stereotype.Component;

/**
 * What a review names outside itself: children and their entries, agencies, users. Each is NOT_FOUND when it
 * does not exist.
 */
@Component
public class ReviewReferences {

    private final ChildDirectory children;
    private final AgencyDirectory agencies;
    private final ReviewUsers users;

    public ReviewReferences(ChildDirectory children, AgencyDirectory agencies, ReviewUsers users) {
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
        return users.roleOf(username).orElseThrow(() -> notFound("user " + username + " does not exist"));
    }

    public Optional<ActingUser> user(String username) {
        return users.find(username);
    }
}
