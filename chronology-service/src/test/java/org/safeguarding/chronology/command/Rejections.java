package org.safeguarding.chronology.command;

import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.rejection.RejectedException;

/** Matches a {@link RejectedException} of the given classification whose message contains the given words. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<RejectedException> rejected(Rejection rejection, String messagePart) {
        return Matchers.matches(e -> e.rejection() == rejection && e.getMessage().contains(messagePart));
    }
}
