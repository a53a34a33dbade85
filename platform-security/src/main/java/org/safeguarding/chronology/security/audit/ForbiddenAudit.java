package org.safeguarding.chronology.security.audit;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every operation refused as FORBIDDEN, on either service, is audited as {@code denied:<field>} before the refusal
 * is answered. Only records; the refusal itself is then answered by the next resolver.
 */
public class ForbiddenAudit extends DataFetcherExceptionResolverAdapter implements Ordered {

    private final AuditTrail trail;
    private final Clock clock;

    public ForbiddenAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment field) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedException rejected && rejected.rejection() == Rejection.FORBIDDEN) {
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                String username = caller == null ? "(none)"
                        : caller.getPrincipal() instanceof ActingUser user ? user.username() : caller.getName();
                try {
                    trail.append(AuditedField.denied(clock, username, field)).get(30, TimeUnit.SECONDS);
                } catch (Exception notStored) {
                    throw new IllegalStateException("the refusal could not be audited", notStored);
                }
                return null;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
