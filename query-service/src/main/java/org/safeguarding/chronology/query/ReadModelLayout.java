package org.safeguarding.chronology.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.safeguarding.chronology.query.chronology.ChronologyProjection;
import org.safeguarding.chronology.query.status.Rebuilds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The shape the read models are written in, recorded in {@code rm_meta}. A service that starts on read models of
 * another shape (built by an older version) rebuilds them from the event stream: they are derived, the events are
 * the record. Layout 1 (unmarked) kept 256 entries a bucket; layout 2 keeps 32, so an update rewrites less; layout 3
 * adds the access grants (rm_access), layout 4 the reviews (rm_reviews) and their grants, layout 5 the links between
 * entries (rm_links: links recorded while an older query-service projected the stream were passed over).
 */
@Component
public class ReadModelLayout {

    public static final int VERSION = 5;
    public static final String META = "rm_meta";
    private static final Logger log = LoggerFactory.getLogger(ReadModelLayout.class);

    private final MongoTemplate mongo;
    private final Runnable rebuild;

    @Autowired
    public ReadModelLayout(MongoTemplate mongo, Rebuilds rebuilds) {
        this(mongo, rebuilds::rebuild);
    }

    ReadModelLayout(MongoTemplate mongo, Runnable rebuild) {
        this.mongo = mongo;
        this.rebuild = rebuild;
    }

    /** Before the projections start: read models not built yet are marked as of this layout. */
    @PostConstruct
    public void markIfNew() {
        if (version() == null && (!mongo.collectionExists(ChronologyProjection.CHRONOLOGIES)
                || mongo.getCollection(ChronologyProjection.CHRONOLOGIES).estimatedDocumentCount() == 0)) {
            mark(mongo);
        }
    }

    /** Once started: read models of another layout are rebuilt. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfOlder() {
        Integer version = version();
        if (version == null || version != VERSION) {
            log.warn("The read models were built in layout {}; this version writes layout {}. Rebuilding them from "
                     + "the event stream (queries answer from the partly rebuilt read models meanwhile).",
                     version == null ? 1 : version, VERSION);
            rebuild.run();
        }
    }

    /** Called when the read models are reset: what is written from now on is of this layout. */
    public static void mark(MongoTemplate mongo) {
        mongo.upsert(query(where("_id").is("layout")), Update.update("version", VERSION), META);
    }

    private Integer version() {
        Document layout = mongo.findById("layout", Document.class, META);
        return layout == null ? null : layout.getInteger("version");
    }
}
