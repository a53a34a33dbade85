package org.safeguarding.chronology.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.graphql.execution.ErrorType;

/**
 * How deep and how big one operation may be, measured on the document before it runs. Depth: fields nested in
 * fields, a top-level field being at depth 1. Complexity: each field selected counts 1, and a top-level field
 * (each one a read of the store or a command) counts {@value #TOP_LEVEL}; a fragment counts wherever it is spread.
 */
@ConfigurationProperties("chronology.graphql")
public record QueryLimits(@DefaultValue("15") int maxDepth, @DefaultValue("500") int maxComplexity) {

    public static final int TOP_LEVEL = 10;

    /** Beyond this a measure stops counting: fragments spread in fragments can name more fields than a long holds. */
    private static final long CEILING = Long.MAX_VALUE / 4;

    /** The refusals of the operations the request may run: the one it names, or all when it names none. */
    List<GraphQLError> check(Document document, String operationName) {
        Map<String, FragmentDefinition> fragments = fragments(document);
        List<GraphQLError> errors = new ArrayList<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName != null && !operationName.isEmpty() && !operationName.equals(operation.getName())) {
                continue;
            }
            Measure.Of of = new Measure().of(operation.getSelectionSet(), true, fragments);
            if (of.depth() > maxDepth) {
                errors.add(refusal(operation, "the query is %d fields deep; at most %d are allowed"
                        .formatted(of.depth(), maxDepth)));
            }
            if (of.complexity() > maxComplexity) {
                errors.add(refusal(operation, ("the query's complexity is %s; at most %d is allowed (each field "
                        + "counts 1, a top-level field %d)").formatted(
                        of.complexity() >= CEILING ? "beyond counting" : Long.toString(of.complexity()),
                        maxComplexity, TOP_LEVEL)));
            }
        }
        return errors;
    }

    /** The depth and complexity of one operation of a document. */
    static Measure.Of measure(Document document, String operationName) {
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.equals(o.getName())).findFirst().orElseThrow();
        return new Measure().of(operation.getSelectionSet(), true, fragments(document));
    }

    private static Map<String, FragmentDefinition> fragments(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return fragments;
    }

    private static GraphQLError refusal(OperationDefinition operation, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .location(operation.getSourceLocation()).build();
    }

    /** Each fragment measured once per position (top level or not), so a fragment spread twice costs no more. */
    static final class Measure {

        record Of(int depth, long complexity) {
        }

        private final Map<String, Of> fragments = new HashMap<>();

        Of of(SelectionSet selections, boolean topLevel, Map<String, FragmentDefinition> definitions) {
            int depth = 0;
            long complexity = 0;
            if (selections == null) {
                return new Of(0, 0);
            }
            for (Selection<?> selection : selections.getSelections()) {
                Of inner;
                if (selection instanceof Field field) {
                    Of below = of(field.getSelectionSet(), false, definitions);
                    inner = new Of(below.depth() + 1, add(below.complexity(), topLevel ? TOP_LEVEL : 1));
                } else if (selection instanceof InlineFragment fragment) {
                    inner = of(fragment.getSelectionSet(), topLevel, definitions);
                } else if (selection instanceof FragmentSpread spread) {
                    inner = fragment(spread.getName(), topLevel, definitions);
                } else {
                    continue;
                }
                depth = Math.max(depth, inner.depth());
                complexity = add(complexity, inner.complexity());
            }
            return new Of(depth, complexity);
        }

        private Of fragment(String name, boolean topLevel, Map<String, FragmentDefinition> definitions) {
            String key = (topLevel ? "top:" : "in:") + name;
            Of known = fragments.get(key);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = definitions.get(name);
            // a fragment spread within itself is refused by validation; here it only must not loop
            fragments.put(key, new Of(0, 0));
            Of measured = definition == null ? new Of(0, 0) : of(definition.getSelectionSet(), topLevel, definitions);
            fragments.put(key, measured);
            return measured;
        }

        private static long add(long a, long b) {
            return Math.min(CEILING, a + b);
        }
    }
}
