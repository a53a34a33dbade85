package org.safeguarding.chronology.command.access;

import java.util.Optional;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.command.review.ReviewUsers;
import org.safeguarding.chronology.security.UserAccount;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.stereotype.Component;

/** A review's users from the built-in user store. */
@Component
class StoredReviewUsers implements ReviewUsers {

    private final UserAccounts accounts;

    StoredReviewUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<ActingUser> find(String username) {
        return accounts.find(username).map(UserAccount::actingUser);
    }
}
