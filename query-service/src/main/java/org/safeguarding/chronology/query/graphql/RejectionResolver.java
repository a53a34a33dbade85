package org.safeguarding.chronology.query.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** A refused query answers an error whose {@code extensions.classification} names the rejection. */
@Component
class RejectionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        Throwable cause = exception;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof RejectedException rejected)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(environment)
                .errorType(classification(rejected))
                .message(rejected.getMessage())
                .build();
    }

    private static ErrorClassification classification(RejectedException rejected) {
        return switch (rejected.rejection()) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case CONFLICT -> ErrorClassification.errorClassification("CONFLICT");
        };
    }
}
