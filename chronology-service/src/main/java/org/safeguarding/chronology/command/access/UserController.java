package org.safeguarding.chronology.command.access;

import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.security.ActingUsers;
import org.safeguarding.chronology.security.UserAccounts;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserController {

    private final UserAccounts users;
    private final AgencyDirectory agencies;

    UserController(UserAccounts users, AgencyDirectory agencies) {
        this.users = users;
        this.agencies = agencies;
    }

    @MutationMapping
    ActingUser createUser(@Argument CreateUserInput input) {
        ActingUser admin = ActingUsers.admin("create users");
        if (input.role() == UserRole.AGENCY && input.agencyId() != null) {
            agencies.requireRegistered(input.agencyId());
        }
        users.create(input.username(), input.password(), input.role(), input.agencyId(), admin.username());
        return new ActingUser(input.username(), input.role(), input.agencyId());
    }

    record CreateUserInput(String username, String password, UserRole role, String agencyId) {
    }
}
