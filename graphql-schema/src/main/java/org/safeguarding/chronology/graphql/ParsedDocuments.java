package org.safeguarding.chronology.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents, by their text: agency systems and the bench send the same few documents with
 * different variables, so each is parsed and validated once. Least recently used documents leave first.
 */
public class ParsedDocuments implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> documents;

    public ParsedDocuments(int capacity) {
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
            entry = parseAndValidate.apply(input);
            documents.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
