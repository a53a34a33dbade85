package org.safeguarding.chronology.query.chronology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.query.ProjectionWrites;
import org.safeguarding.chronology.query.ReadModelLayout;
import org.safeguarding.chronology.query.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Projects each child's entries (with the persons they name), versions and shares into {@code rm_entry_buckets}
 * ({@value #BUCKET_SIZE} entries a document, keyed {@code <childId>#<entryNumber / BUCKET_SIZE>}: a bucket is
 * rewritten whole on each update, so small ones keep interleaved updates cheap) and keeps {@code rm_chronologies} (per
 * child: entryCount and the sequence number of the last event projected). Every write is a {@code $set} on a
 * path keyed by ids or a {@code $max}, so redelivered events change nothing; they are coalesced per batch by
 * {@link ProjectionWrites}.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ChronologyProjection {

    public static final String CHRONOLOGIES = "rm_chronologies";
    static final String ENTRY_BUCKETS = "rm_entry_buckets";
    public static final int BUCKET_SIZE = 32;

    private static final Logger log = LoggerFactory.getLogger(ChronologyProjection.class);

    private final MongoTemplate mongo;
    private final RecordedEntries entries;

    public ChronologyProjection(MongoTemplate mongo, RecordedEntries entries) {
        this.mongo = mongo;
        this.entries = entries;
    }

    @EventHandler
    public void on(EntryRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        long number = entryNumber(event.childId(), event.entryId());
        if (number > 0) {
            String entry = EntryDocument.path(number) + ".";
            updateBucket(event.childId(), number, new Update()
                    .set(entry + EntryDocument.ID, event.entryId())
                    .set(entry + EntryDocument.AGENCY, event.agencyId())
                    .set(entry + EntryDocument.SOURCE_REF, event.sourceRef())
                    .set(entry + EntryDocument.PROFESSIONAL, event.professional())
                    .set(entry + EntryDocument.PERSONS, event.personIds())
                    .set(entry + EntryDocument.ESCALATED_TO, event.escalatedTo())
                    .set(entry + EntryDocument.RESPONDS_TO, event.respondsTo())
                    .set(versionPath(number, 1), EntryDocument.version(event, recordedAt)));
        }
        advance(event.childId(), sequence, number);
    }

    @EventHandler
    public void on(EntryCorrected event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        long number = entryNumber(event.childId(), event.entryId());
        if (number > 0) {
            updateBucket(event.childId(), number, new Update()
                    .set(versionPath(number, event.version()), EntryDocument.version(event, recordedAt)));
        }
        advance(event.childId(), sequence, 0);
    }

    @EventHandler
    public void on(EntryRetracted event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        long number = entryNumber(event.childId(), event.entryId());
        if (number > 0) {
            updateBucket(event.childId(), number, new Update()
                    .set(versionPath(number, event.version()), EntryDocument.version(event, recordedAt)));
        }
        advance(event.childId(), sequence, 0);
    }

    @EventHandler
    public void on(InformationShared event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        Document share = EntryDocument.share(event, recordedAt);
        Map<Long, Update> bucketUpdates = new TreeMap<>();
        for (String entryId : event.entryIds()) {
            long number = entryNumber(event.childId(), entryId);
            if (number > 0) {
                bucketUpdates.computeIfAbsent(number / BUCKET_SIZE, bucket -> new Update())
                        .set(EntryDocument.path(number) + "." + EntryDocument.SHARES + "."
                                + shareKey(event.sharingId()), share);
            }
        }
        bucketUpdates.forEach((bucket, update) ->
                ProjectionWrites.upsert(mongo, ENTRY_BUCKETS, bucketId(event.childId(), bucket), update));
        advance(event.childId(), sequence, 0);
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(ENTRY_BUCKETS);
        mongo.dropCollection(CHRONOLOGIES);
        entries.forget();
        ReadModelLayout.mark(mongo);
    }

    static String bucketId(String childId, long bucket) {
        return childId + "#" + bucket;
    }

    private void updateBucket(String childId, long entryNumber, Update update) {
        ProjectionWrites.upsert(mongo, ENTRY_BUCKETS, bucketId(childId, entryNumber / BUCKET_SIZE), update);
    }

    /** Written after the entry buckets: a reader that sees the new sequence finds the buckets up to date. */
    private void advance(String childId, long sequence, long entryNumber) {
        ProjectionWrites.upsert(mongo, CHRONOLOGIES, childId,
                new Update().max("sequence", sequence).max("entryCount", entryNumber));
    }

    private static long entryNumber(String childId, String entryId) {
        if (!childId.equals(ChildIds.childOfEntry(entryId))) {
            log.warn("ignoring entry id {}: not an entry of child {}", entryId, childId);
            return -1;
        }
        return ChildIds.entryNumber(entryId);
    }

    private static String versionPath(long entryNumber, int version) {
        return EntryDocument.path(entryNumber) + "." + EntryDocument.VERSIONS + "." + EntryDocument.versionKey(version);
    }

    /** A sharing id's own number ({@code S<n>}) as a field name, or the whole id encoded when it has none. */
    private static String shareKey(String sharingId) {
        String own = sharingId.substring(sharingId.lastIndexOf('/') + 1);
        return own.matches("S[1-9][0-9]*") ? own
                : "X" + Base64.getUrlEncoder().withoutPadding().encodeToString(sharingId.getBytes(StandardCharsets.UTF_8));
    }
}
