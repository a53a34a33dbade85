package org.safeguarding.chronology.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.chronology.api.text.TextRules;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * graphql-java classifies a request it refuses before execution (a syntax error, an unknown field, a mutation sent
 * to the query service) as ValidationError, InvalidSyntax and the like: to clients of the contract it is a
 * BAD_REQUEST. Its message loses the "Validation error (...) :" preamble, and what it says in graphql-java's own
 * terms (a value printed as "StringValue{value='x'}", a type as 'LinkedHashMap') is said in plain words. Most such
 * refusals are made by InputChecks before graphql-java sees the request; this is for the rest.
 */
public class ValidationErrorInterceptor implements WebGraphQlInterceptor {

    private static final Set<String> REFUSALS = Set.of("ValidationError", "InvalidSyntax", "OperationNotSupported",
            "ExecutionAborted", "BadFaithIntrospection");

    private static final Pattern PREAMBLE = Pattern.compile("^Validation [eE]rror \\(\\w+(@\\[[^]]*])?\\) ?: ?");
    private static final Pattern STRING = Pattern.compile("StringValue\\{value='((?:[^']|'(?!}))*)'}");
    private static final Pattern SCALAR = Pattern.compile("(?:Int|Float|Boolean)Value\\{value=([^}]*)}");
    private static final Pattern NAME = Pattern.compile("(?:EnumValue|VariableReference)\\{name='(\\w+)'}");
    private static final Pattern COMPOSITE = Pattern.compile("(ObjectValue|ArrayValue|NullValue)\\{");
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "'(?:java\\.\\w+\\.)*(LinkedHashMap|HashMap|Map|ArrayList|List|Integer|Long|BigInteger|Double|Float"
                    + "|BigDecimal|Boolean|String)'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(ValidationErrorInterceptor::isRefusal)) {
                return response;
            }
            List<GraphQLError> rewritten = errors.stream()
                    .map(error -> isRefusal(error) ? asBadRequest(error) : error)
                    .toList();
            return response.transform(builder -> builder.errors(rewritten));
        });
    }

    private static boolean isRefusal(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type != null && REFUSALS.contains(type.toString());
    }

    private static GraphQLError asBadRequest(GraphQLError error) {
        return GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(plain(error.getMessage()))
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(error.getExtensions())
                .build();
    }

    /** graphql-java's message in plain words; what it quotes of the request printable. */
    static String plain(String message) {
        String plain = PREAMBLE.matcher(TextRules.printable(message)).replaceFirst("");
        plain = STRING.matcher(plain).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\""));
        plain = SCALAR.matcher(plain).replaceAll("$1");
        plain = NAME.matcher(plain).replaceAll("$1");
        plain = composites(plain);
        return JAVA_TYPE.matcher(plain).replaceAll(m -> switch (m.group(1)) {
            case "LinkedHashMap", "HashMap", "Map" -> "an object";
            case "ArrayList", "List" -> "a list";
            case "Boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a number";
        });
    }

    /** Each printed object, list or null value, braces and all, as "an object", "a list", "null". */
    private static String composites(String message) {
        StringBuilder plain = new StringBuilder();
        int from = 0;
        Matcher start = COMPOSITE.matcher(message);
        while (start.find(from)) {
            int depth = 0;
            int end = start.end() - 1;
            for (; end < message.length(); end++) {
                char c = message.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            plain.append(message, from, start.start()).append(switch (start.group(1)) {
                case "ObjectValue" -> "an object";
                case "ArrayValue" -> "a list";
                default -> "null";
            });
            from = Math.min(end + 1, message.length());
        }
        return plain.append(message.substring(from)).toString();
    }
}
