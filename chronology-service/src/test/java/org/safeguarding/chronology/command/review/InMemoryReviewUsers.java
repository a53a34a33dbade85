package org.safeguarding.chronology.command.review;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;

/** Users kept in memory, for tests: the user store belongs to the access work. */
public class InMemoryReviewUsers implements ReviewUsers {

    private final Map<String, ActingUser> users = new ConcurrentHashMap<>();

    public InMemoryReviewUsers add(String username, UserRole role, String agencyId) {
        users.put(username, new ActingUser(username, role, agencyId));
        return this;
    }

    @Override
    public Optional<ActingUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }
}
