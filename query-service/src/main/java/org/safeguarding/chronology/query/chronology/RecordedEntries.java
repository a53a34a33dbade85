package org.safeguarding.chronology.query.chronology;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.bson.Document;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.query.WeightedCache;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a child's recorded entries: one lookup of its {@code rm_chronologies} document, then its entry buckets
 * with one {@code $in} on their ids. The entries read are kept in memory, up to {@value #CACHED_ENTRIES} entries
 * in all, for as long as the child's projected sequence number stays the same.
 */
@Component
public class RecordedEntries {

    static final int CACHED_ENTRIES = 150_000;

    private final MongoTemplate mongo;
    private final WeightedCache<String, ChildEntries> cache =
            new WeightedCache<>(CACHED_ENTRIES, child -> child.entries().size());
    private final AtomicLong loads = new AtomicLong();

    public RecordedEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The child's entries in entry number order; none for a child not (yet) projected. */
    public List<RecordedEntry> ofChild(String childId) {
        return child(childId).entries();
    }

    /**
     * The child's entries in entry number order, with the load they came from: the same load for as long as the
     * child's projection has not moved, so what is derived from them can be kept beside them.
     */
    public Child child(String childId) {
        ChildEntries loaded = load(childId);
        return new Child(loaded.load(), loaded.list(), loaded.entries());
    }

    /** A child's entries as read by one load, in entry number order and by id. */
    public record Child(long load, List<RecordedEntry> entries, Map<String, RecordedEntry> byId) {

        /** The entry with this id, or null. */
        public RecordedEntry entry(String entryId) {
            return byId.get(entryId);
        }
    }

    /** The entry with this id, or null. */
    public RecordedEntry entry(String entryId) {
        String childId = ChildIds.childOfEntry(entryId);
        return childId == null ? null : load(childId).entries().get(entryId);
    }

    /** The entries with these ids that exist, by id; each child's entries are loaded once. */
    public Map<String, RecordedEntry> entries(Collection<String> entryIds) {
        Map<String, ChildEntries> children = new HashMap<>();
        Map<String, RecordedEntry> found = new HashMap<>();
        for (String entryId : entryIds) {
            String childId = ChildIds.childOfEntry(entryId);
            if (childId != null) {
                RecordedEntry entry = children.computeIfAbsent(childId, this::load).entries().get(entryId);
                if (entry != null) {
                    found.put(entryId, entry);
                }
            }
        }
        return found;
    }

    void forget() {
        cache.clear();
    }

    private ChildEntries load(String childId) {
        Document chronology = mongo.findById(childId, Document.class, ChronologyProjection.CHRONOLOGIES);
        if (chronology == null) {
            return ChildEntries.NONE;
        }
        long sequence = number(chronology, "sequence");
        ChildEntries cached = cache.get(childId);
        if (cached != null && cached.sequence() == sequence) {
            return cached;
        }
        List<String> bucketIds = LongStream.rangeClosed(0, number(chronology, "entryCount") / ChronologyProjection.BUCKET_SIZE)
                .mapToObj(bucket -> ChronologyProjection.bucketId(childId, bucket))
                .toList();
        List<RecordedEntry> entries = new ArrayList<>();
        for (Document bucket : mongo.find(query(where("_id").in(bucketIds)), Document.class,
                ChronologyProjection.ENTRY_BUCKETS)) {
            Document stored = bucket.get(EntryDocument.ENTRIES, Document.class);
            if (stored != null) {
                stored.forEach((key, entry) -> {
                    RecordedEntry recorded = EntryDocument.entry(childId, EntryDocument.number(key), (Document) entry);
                    if (recorded != null) {
                        entries.add(recorded);
                    }
                });
            }
        }
        entries.sort(Comparator.comparingLong(RecordedEntry::number));
        Map<String, RecordedEntry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        ChildEntries loaded = new ChildEntries(sequence, loads.incrementAndGet(), Collections.unmodifiableMap(byId),
                List.copyOf(entries));
        cache.put(childId, loaded);
        return loaded;
    }

    private static long number(Document document, String key) {
        Number value = document.get(key, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private record ChildEntries(long sequence, long load, Map<String, RecordedEntry> entries,
                                List<RecordedEntry> list) {
        static final ChildEntries NONE = new ChildEntries(-1, 0, Map.of(), List.of());
    }
}
