package org.safeguarding.chronology.query.chronology;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
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
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.sharing.SharingChannel;
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
        return new Child(loaded.load(), loaded.list());
    }

    /** A child's entries as read by one load. */
    public record Child(long load, List<RecordedEntry> entries) {
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
            Document stored = bucket.get("e", Document.class);
            if (stored != null) {
                stored.forEach((key, entry) -> {
                    RecordedEntry recorded = entry(childId, Long.parseLong(key.substring(1)), (Document) entry);
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

    /** Null while version 1 is not projected yet (a share or correction seen first). */
    private static RecordedEntry entry(String childId, long number, Document entry) {
        Document versions = entry.get("v", Document.class);
        if (entry.getString("id") == null || versions == null || !versions.containsKey("V1")) {
            return null;
        }
        List<RecordedEntry.Version> history = new ArrayList<>();
        versions.forEach((key, value) -> history.add(version(Integer.parseInt(key.substring(1)), (Document) value)));
        history.sort(Comparator.comparingInt(RecordedEntry.Version::number));
        List<RecordedEntry.Share> shares = new ArrayList<>();
        Document stored = entry.get("s", Document.class);
        if (stored != null) {
            stored.values().forEach(value -> shares.add(share((Document) value)));
        }
        List<String> personIds = entry.getList("personIds", String.class);
        return new RecordedEntry(entry.getString("id"), childId, number, entry.getString("agencyId"),
                entry.getString("sourceRef"), entry.getString("professional"),
                personIds == null ? List.of() : List.copyOf(personIds), List.copyOf(history), List.copyOf(shares));
    }

    private static RecordedEntry.Version version(int number, Document version) {
        boolean retracted = Boolean.TRUE.equals(version.getBoolean("retracted"));
        String precision = version.getString("occurredAtPrecision"); // absent from read models built before it
        return new RecordedEntry.Version(number, instant(version, "recordedAt"), instant(version, "occurredAt"),
                retracted ? null : precision == null ? DatePrecision.EXACT : DatePrecision.valueOf(precision),
                instant(version, "knownAt"), retracted ? null : EntryKind.valueOf(version.getString("kind")),
                version.getString("summary"),
                retracted ? null : Significance.valueOf(version.getString("significance")),
                version.getString("reason"), retracted);
    }

    private static RecordedEntry.Share share(Document share) {
        return new RecordedEntry.Share(share.getString("sharingId"), share.getString("fromAgencyId"),
                share.getString("toAgencyId"), instant(share, "sharedAt"),
                SharingChannel.valueOf(share.getString("channel")), instant(share, "recordedAt"));
    }

    private static Instant instant(Document document, String key) {
        String value = document.getString(key);
        return value == null ? null : Instant.parse(value);
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
