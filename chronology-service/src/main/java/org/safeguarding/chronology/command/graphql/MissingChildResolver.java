package org.safeguarding.chronology.command.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.graphql.RejectionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** A command for a child that was never registered targets a missing aggregate: NOT_FOUND. */
@Component
public class MissingChildResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException missing) {
                return RejectionResolver.error(env, ErrorType.NOT_FOUND, message(missing));
            }
        }
        return null;
    }

    /** The NOT_FOUND message for a command whose aggregate does not exist. */
    public static String message(AggregateNotFoundException missing) {
        String id = String.valueOf(missing.getAggregateIdentifier());
        return id.startsWith(ChildIds.PREFIX)
                ? "child " + id.substring(ChildIds.PREFIX.length()) + " is not registered"
                : missing.getMessage();
    }
}
