package org.safeguarding.chronology.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/** A refused command or query answers an error whose {@code extensions.classification} says why. */
public class RejectionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment env) {
        // gateways and futures wrap the handler's exception: look down the causes
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedException rejected) {
                return error(env, classification(rejected.rejection()), rejected.getMessage());
            }
        }
        return null;
    }

    public static ErrorClassification classification(Rejection rejection) {
        return switch (rejection) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case CONFLICT -> Conflict.CONFLICT;
        };
    }

    public static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
