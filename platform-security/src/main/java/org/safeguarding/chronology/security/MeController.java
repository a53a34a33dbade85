package org.safeguarding.chronology.security;

import org.safeguarding.chronology.api.access.ActingUser;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code me}: any authenticated user, on both services. */
@Controller
public class MeController {

    @QueryMapping
    public ActingUser me() {
        return ActingUsers.current();
    }
}
