package org.safeguarding.chronology.query.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import java.util.List;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A request that does not parse or validate against the schema (a bad DateTime too) is a BAD_REQUEST. */
@Component
class RequestErrorInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(RequestErrorInterceptor::requestError)) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream()
                    .map(error -> requestError(error) ? badRequest(error) : error)
                    .toList()));
        });
    }

    private static boolean requestError(GraphQLError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    private static GraphQLError badRequest(GraphQLError error) {
        return GraphQLError.newError()
                .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(error.getExtensions())
                .build();
    }
}
