package org.safeguarding.chronology.command.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.review.ReviewIds;
import org.safeguarding.chronology.graphql.RejectionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** A command for a child that was never registered, or a review never commissioned, targets a missing aggregate: NOT_FOUND. */
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
        if (id.startsWith(ChildIds.PREFIX)) {
            return "child " + id.substring(ChildIds.PREFIX.length()) + " is not registered";
        }
        if (id.startsWith(ReviewIds.PREFIX)) {
            return "review " + id.substring(ReviewIds.PREFIX.length()) + " does not exist";
        }
        return missing.getMessage();
    }
}
