package org.safeguarding.chronology.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parsed and validated documents, by their text: agency systems and the bench send the same few documents with
 * different variables, so each is parsed, validated, held to {@link InputChecks} and {@link QueryLimits} once; least
 * recently used documents leave first. The variables are held to {@link InputChecks} on every request. A document
 * or variables refused here never run.
 */
public class ParsedDocuments implements PreparsedDocumentProvider {

    /** graphql-java's faults of values in the document, which InputChecks names better when it finds them. */
    private static final Set<ValidationErrorType> VALUE_FAULTS = EnumSet.of(ValidationErrorType.WrongType,
            ValidationErrorType.BadValueForDefaultArg, ValidationErrorType.NullValueForNonNullArgument);

    private final Map<String, PreparsedDocumentEntry> documents;
    private final Supplier<GraphQLSchema> schema;
    private final QueryLimits limits;
    private volatile InputChecks checks;

    public ParsedDocuments(int capacity, Supplier<GraphQLSchema> schema, QueryLimits limits) {
        this.schema = schema;
        this.limits = limits;
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = input.getOperationName() == null ? input.getQuery()
                : input.getOperationName() + "\n" + input.getQuery();
        PreparsedDocumentEntry entry = documents.get(key);
        if (entry == null) {
            entry = checked(parseAndValidate.apply(input), input.getOperationName());
            documents.put(key, entry);
        }
        if (!entry.hasErrors()) {
            List<GraphQLError> faults = checks().ofVariables(entry.getDocument(), input.getOperationName(),
                    input.getVariables());
            if (!faults.isEmpty()) {
                return CompletableFuture.completedFuture(new PreparsedDocumentEntry(faults));
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    private PreparsedDocumentEntry checked(PreparsedDocumentEntry validated, String operationName) {
        Document document = validated.getDocument();
        if (document == null) {
            return validated;
        }
        List<GraphQLError> faults = checks().inDocument(document);
        if (validated.hasErrors() || !faults.isEmpty()) {
            List<GraphQLError> errors = new ArrayList<>(faults);
            (validated.hasErrors() ? validated.getErrors() : List.<GraphQLError>of()).stream()
                    .filter(error -> faults.isEmpty() || !(error instanceof ValidationError validation
                            && VALUE_FAULTS.contains(validation.getValidationErrorType())))
                    .forEach(errors::add);
            return new PreparsedDocumentEntry(document, errors);
        }
        List<GraphQLError> tooBig = limits.check(document, operationName);
        return tooBig.isEmpty() ? validated : new PreparsedDocumentEntry(document, tooBig);
    }

    private InputChecks checks() {
        InputChecks known = checks;
        if (known == null) {
            known = new InputChecks(schema.get());
            checks = known;
        }
        return known;
    }
}
