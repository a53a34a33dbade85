package org.safeguarding.chronology.security;

import org.safeguarding.chronology.api.access.ActingUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with nothing but the platform's security and one endpoint naming the acting user. */
@SpringBootApplication
class TestApplication {

    @RestController
    static class WhoAmI {
        @GetMapping("/whoami")
        ActingUser whoAmI() {
            return ActingUsers.current();
        }
    }
}
