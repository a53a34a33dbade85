package org.safeguarding.chronology.graphql;

import graphql.GraphQLError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * graphql-java classifies a request it refuses before execution (a missing required field, a wrong enum value, a
 * malformed DateTime) as ValidationError or InvalidSyntax: to clients of the contract it is a BAD_REQUEST. The
 * message is kept; when it blames a variable as a whole, the fields of that variable holding a value the message
 * quotes are added, e.g. "[at input.occurredAt]".
 */
public class ValidationErrorInterceptor implements WebGraphQlInterceptor {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(ValidationErrorInterceptor::isRefusal)) {
                return response;
            }
            List<GraphQLError> rewritten = errors.stream()
                    .map(error -> isRefusal(error) ? asBadRequest(error, request.getVariables()) : error)
                    .toList();
            return response.transform(builder -> builder.errors(rewritten));
        });
    }

    private static boolean isRefusal(GraphQLError error) {
        return error.getErrorType() == graphql.ErrorType.ValidationError
                || error.getErrorType() == graphql.ErrorType.InvalidSyntax;
    }

    private static GraphQLError asBadRequest(GraphQLError error, Map<String, Object> variables) {
        List<String> fields = new ArrayList<>();
        if (error.getMessage().startsWith("Variable '")) {
            Matcher quoted = QUOTED.matcher(error.getMessage());
            while (quoted.find()) {
                collectFields(quoted.group(1), variables, "", fields);
            }
        }
        String message = fields.isEmpty() ? error.getMessage()
                : error.getMessage() + " [at " + String.join(", ", fields) + "]";
        return GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(error.getExtensions())
                .build();
    }

    private static void collectFields(String value, Object node, String path, List<String> fields) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) ->
                    collectFields(value, child, path.isEmpty() ? key.toString() : path + "." + key, fields));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectFields(value, list.get(i), path + "[" + i + "]", fields);
            }
        } else if (value.equals(node) && !fields.contains(path)) {
            fields.add(path);
        }
    }
}
