package org.safeguarding.chronology.command.review;

import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.safeguarding.chronology.api.access.ActingUser;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * For tests over HTTP, until the access work authenticates requests: every command goes with the acting user a
 * test has set (none when it has set none), and users are kept in memory.
 */
@TestConfiguration
public class ActingUsers {

    private final AtomicReference<ActingUser> current = new AtomicReference<>();

    /** The user the next commands are made for; null for none. */
    public void actAs(ActingUser user) {
        current.set(user);
    }

    @Bean
    @Primary
    InMemoryReviewUsers inMemoryReviewUsers() {
        return new InMemoryReviewUsers();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actingUserOnEveryCommand() {
        return messages -> (index, message) -> {
            ActingUser user = current.get();
            return user == null ? message : message.andMetaData(user.toMetaData());
        };
    }
}
