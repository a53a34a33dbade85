package org.safeguarding.chronology.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon {@link TokenStore} on MongoDB with the claim semantics of Axon's JDBC token store: a segment claimed by another
 * owner can be taken only once its claim is older than the claim timeout. One document per segment,
 * {@code _id = processorName#segment}; every update is conditional on {@code _id} plus owner or claim age.
 */
public class MongoTokenStore implements TokenStore {

    private static final String STORAGE_IDENTIFIER_ID = "__storage_identifier";
    private static final Logger log = LoggerFactory.getLogger(MongoTokenStore.class);

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final String nodeId;
    private final long claimTimeoutMillis;
    private final Clock clock;

    protected MongoTokenStore(Builder builder) {
        this.tokens = builder.database.getCollection(builder.collection);
        this.serializer = Objects.requireNonNull(builder.serializer, "a serializer is required");
        this.nodeId = builder.nodeId;
        this.claimTimeoutMillis = builder.claimTimeout.toMillis();
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String nodeId() {
        return nodeId;
    }

    /** A claim older than this may be taken over by another process. */
    public Duration claimTimeout() {
        return Duration.ofMillis(claimTimeoutMillis);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException(
                    "Could not initialize segments of [" + processorName + "]: some segments were already present");
        }
        for (int segment = 0; segment < segmentCount; segment++) {
            try {
                tokens.insertOne(tokenDocument(initialToken, processorName, segment, null));
            } catch (MongoException e) {
                if (MongoEventStorageEngine.isDuplicateKey(e)) {
                    throw new UnableToClaimTokenException("Could not initialize segments of [" + processorName
                                                          + "]: segment " + segment + " is already present", e);
                }
                throw e;
            }
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        try {
            tokens.insertOne(tokenDocument(token, processorName, segment, null));
        } catch (MongoException e) {
            if (MongoEventStorageEngine.isDuplicateKey(e)) {
                throw new UnableToInitializeTokenException(
                        "Segment " + segment + " of [" + processorName + "] is already present", e);
            }
            throw e;
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    /** Stores the token, claiming the segment (and creating it if it is missing) as the JDBC token store does. */
    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        SerializedObject<String> serialized = serialize(token);
        Bson update = Updates.combine(Updates.set("token", serialized == null ? null : serialized.getData()),
                                      Updates.set("tokenType", serialized == null ? null
                                              : serialized.getType().getName()),
                                      Updates.set("owner", nodeId),
                                      Updates.set("claimedAt", now()));
        if (tokens.updateOne(claimable(processorName, segment), update).getMatchedCount() > 0) {
            return;
        }
        try {
            tokens.insertOne(tokenDocument(token, processorName, segment, nodeId));
        } catch (MongoException e) {
            if (MongoEventStorageEngine.isDuplicateKey(e)) {
                throw claimedByOther(processorName, segment);
            }
            throw e;
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Document claimed = tokens.findOneAndUpdate(
                claimable(processorName, segment),
                Updates.combine(Updates.set("owner", nodeId), Updates.set("claimedAt", now())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)); // a claim leaves the token as is
        if (claimed == null) {
            if (tokens.find(eq("_id", id(processorName, segment))).first() == null) {
                throw new UnableToClaimTokenException("Unable to claim token '" + processorName + "[" + segment
                                                      + "]'. It has not been initialized yet");
            }
            throw claimedByOther(processorName, segment);
        }
        return deserialize(claimed);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        if (tokens.updateOne(ownedByMe(processorName, segment), Updates.set("claimedAt", now()))
                  .getMatchedCount() == 0) {
            throw new UnableToClaimTokenException(
                    "Unable to extend the claim on token '" + processorName + "[" + segment + "]'. It is owned by "
                    + "another process or has been removed");
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        if (tokens.updateOne(ownedByMe(processorName, segment), Updates.set("owner", null)).getMatchedCount() == 0) {
            log.warn("Releasing claim of token {}/{} failed. It was not owned by {}", processorName, segment, nodeId);
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        if (tokens.deleteOne(ownedByMe(processorName, segment)).getDeletedCount() == 0) {
            throw new UnableToClaimTokenException(
                    "Unable to remove token '" + processorName + "[" + segment + "]'. It is not owned by " + nodeId);
        }
    }

    @Override
    public int[] fetchSegments(String processorName) {
        List<Integer> segments = segmentDocuments(processorName).map(doc -> doc.getInteger("segment"))
                                                                .into(new ArrayList<>());
        return segments.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Unclaimed, claimed by this node, or claimed by another longer ago than the claim timeout. */
    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<SegmentClaim> claims = fetchClaims(processorName);
        int[] all = claims.stream().mapToInt(SegmentClaim::segment).toArray();
        return claims.stream()
                     .filter(claim -> !claim.live() || nodeId.equals(claim.owner()))
                     .map(claim -> Segment.computeSegment(claim.segment(), all))
                     .toList();
    }

    /**
     * Every segment of the processor with its stored token and claim, by segment, in one read: how far each segment
     * has been stored and who processes it, whichever process owns it.
     */
    public List<SegmentClaim> fetchClaims(String processorName) {
        long expiry = now() - claimTimeoutMillis;
        List<SegmentClaim> claims = new ArrayList<>();
        for (Document doc : segmentDocuments(processorName)) {
            String owner = doc.getString("owner");
            long claimedAt = doc.getLong("claimedAt");
            claims.add(new SegmentClaim(doc.getInteger("segment"), deserialize(doc), owner,
                                        Instant.ofEpochMilli(claimedAt), owner != null && claimedAt > expiry));
        }
        return claims;
    }

    /**
     * One segment's stored token and claim: owner is the last process to claim it (null once released), live whether
     * that claim still holds (it is younger than the claim timeout).
     */
    public record SegmentClaim(int segment, TrackingToken token, String owner, Instant claimedAt, boolean live) {

        public boolean liveClaimOf(String nodeId) {
            return live && nodeId.equals(owner);
        }
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        try {
            Document doc = tokens.findOneAndUpdate(
                    eq("_id", STORAGE_IDENTIFIER_ID),
                    Updates.setOnInsert("identifier", UUID.randomUUID().toString()),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return Optional.of(doc.getString("identifier"));
        } catch (MongoException e) {
            if (MongoEventStorageEngine.isDuplicateKey(e)) { // a concurrent first call inserted it
                return Optional.of(tokens.find(eq("_id", STORAGE_IDENTIFIER_ID)).first().getString("identifier"));
            }
            throw new UnableToRetrieveIdentifierException("Could not read or create the storage identifier", e);
        }
    }

    private FindIterable<Document> segmentDocuments(String processorName) {
        return tokens.find(eq("processorName", processorName)).sort(Sorts.ascending("segment"));
    }

    /** Unowned, owned by this node, or claimed longer ago than the claim timeout. */
    private Bson claimable(String processorName, int segment) {
        return and(eq("_id", id(processorName, segment)),
                   or(eq("owner", null), eq("owner", nodeId), lte("claimedAt", now() - claimTimeoutMillis)));
    }

    private Bson ownedByMe(String processorName, int segment) {
        return and(eq("_id", id(processorName, segment)), eq("owner", nodeId));
    }

    private Document tokenDocument(TrackingToken token, String processorName, int segment, String owner) {
        SerializedObject<String> serialized = serialize(token);
        return new Document("_id", id(processorName, segment))
                .append("processorName", processorName)
                .append("segment", segment)
                .append("token", serialized == null ? null : serialized.getData())
                .append("tokenType", serialized == null ? null : serialized.getType().getName())
                .append("owner", owner)
                .append("claimedAt", now());
    }

    private SerializedObject<String> serialize(TrackingToken token) {
        return token == null ? null : serializer.serialize(token, String.class);
    }

    private TrackingToken deserialize(Document doc) {
        String data = doc.getString("token");
        return data == null ? null : serializer.deserialize(
                new SimpleSerializedObject<>(data, String.class, doc.getString("tokenType"), null));
    }

    private UnableToClaimTokenException claimedByOther(String processorName, int segment) {
        return new UnableToClaimTokenException("Unable to claim token '" + processorName + "[" + segment
                                               + "]'. It is owned by another process");
    }

    private static String id(String processorName, int segment) {
        return processorName + "#" + segment;
    }

    private long now() {
        return clock.millis();
    }

    public static class Builder {

        private MongoDatabase database;
        private String collection = "tokens";
        private Serializer serializer;
        private String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        private Duration claimTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collection(String collection) {
            this.collection = collection;
            return this;
        }

        /** Serializes the tracking tokens, as JSON strings with Axon's JacksonSerializer. */
        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /** Identifies this process as the owner of its claims; defaults to the JVM's {@code pid@host}. */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder claimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public MongoTokenStore build() {
            Objects.requireNonNull(database, "a MongoDatabase is required");
            Objects.requireNonNull(nodeId, "a node id is required");
            return new MongoTokenStore(this);
        }
    }
}
