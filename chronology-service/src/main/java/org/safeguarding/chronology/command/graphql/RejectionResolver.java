package org.safeguarding.chronology.command.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** A refused command becomes a GraphQL error whose extensions.classification says why. */
@Component
public class RejectionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        // the command gateway may wrap the handler's exception (CommandExecutionException): look down the causes
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedException rejected) {
                return error(env, classification(rejected.rejection()), rejected.getMessage());
            }
            if (cause instanceof AggregateNotFoundException missing) {
                String id = String.valueOf(missing.getAggregateIdentifier());
                return error(env, ErrorType.NOT_FOUND, id.startsWith(ChildIds.PREFIX)
                        ? "child " + id.substring(ChildIds.PREFIX.length()) + " is not registered"
                        : missing.getMessage());
            }
        }
        return null;
    }

    static ErrorClassification classification(Rejection rejection) {
        return switch (rejection) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case CONFLICT -> Conflict.CONFLICT;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
