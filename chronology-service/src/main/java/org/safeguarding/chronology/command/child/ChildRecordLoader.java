package org.safeguarding.chronology.command.child;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The DataLoader of children's cases in a GraphQL request: the fields that show a child or its entries load the
 * child through it, so each child's events are read once per request however many of its entries are shown.
 */
@Component
class ChildRecordLoader {

    ChildRecordLoader(BatchLoaderRegistry loaders, ChildRecords records) {
        loaders.forTypePair(String.class, ChildRecord.class)
                .registerMappedBatchLoader((childIds, environment) -> Mono.fromCallable(() -> records.read(childIds)));
    }
}
