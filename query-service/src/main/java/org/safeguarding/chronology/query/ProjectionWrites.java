package org.safeguarding.chronology.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The projections' upserts ({@code $set} and {@code $max} only), buffered per unit of work: the operations on one
 * document merge into one update (a later {@code $set} of a path wins, {@code $max} keeps the larger value) and are
 * flushed with one ordered bulk write per collection, {@code rm_chronologies} last, before the token is stored.
 * Outside a unit of work each upsert is written at once.
 */
public final class ProjectionWrites {

    /** Validates the readers' caches, so it is written after everything else of the batch. */
    private static final String WRITTEN_LAST = "rm_chronologies";
    private static final String RESOURCE = ProjectionWrites.class.getName();

    private final MongoTemplate mongo;
    private final Map<String, Map<Object, Document>> collections = new LinkedHashMap<>();

    private ProjectionWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static void upsert(MongoTemplate mongo, String collection, Object id, Update update) {
        if (!CurrentUnitOfWork.isStarted()) {
            mongo.upsert(query(where("_id").is(id)), update, collection);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<ProjectionWrites>getOrComputeResource(RESOURCE, key -> {
            root.onPrepareCommit(uow -> flushCurrent());
            return new ProjectionWrites(mongo);
        }).merge(collection, id, update.getUpdateObject());
    }

    /** Writes what the current unit of work has buffered; called after the last event of a batch. */
    public static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            ProjectionWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (writes != null) {
                writes.flush();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void merge(String collection, Object id, Document update) {
        Document merged = collections.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, i -> new Document());
        update.forEach((operator, fields) -> {
            Document target = (Document) merged.computeIfAbsent(operator, o -> new Document());
            ((Document) fields).forEach((path, value) -> {
                switch (operator) {
                    case "$set" -> target.put(path, value);
                    case "$max" -> target.merge(path, value,
                            (a, b) -> ((Comparable<Object>) a).compareTo(b) >= 0 ? a : b);
                    default -> throw new IllegalArgumentException("cannot merge " + operator);
                }
            });
        });
    }

    private void flush() {
        List<String> order = new ArrayList<>(collections.keySet());
        if (order.remove(WRITTEN_LAST)) {
            order.add(WRITTEN_LAST);
        }
        for (String collection : order) {
            var bulk = mongo.bulkOps(BulkMode.ORDERED, collection);
            collections.get(collection).forEach((id, update) ->
                    bulk.upsert(query(where("_id").is(id)), Update.fromDocument(update)));
            bulk.execute();
        }
        collections.clear();
    }
}
