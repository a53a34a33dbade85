package org.safeguarding.chronology.query.links;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads children's links: one {@code $in} on the children's ids in {@code rm_links}. */
@Component
public class KnownLinks {

    private final MongoTemplate mongo;

    public KnownLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The child's links recorded by R (all of them when R is null), by recordedAt. */
    public List<EntryLinkView> ofChild(String childId, Instant recordedAsOf) {
        return stored(List.of(childId)).stream().filter(link -> link.recordedBy(recordedAsOf))
                .sorted(EntryLinkView.BY_RECORDED_AT).toList();
    }

    /**
     * For each entry view, the links naming its entry recorded by the view's recordedAsOf, by recordedAt (none for
     * an entry no link names).
     */
    public Map<ChronologyEntryView, List<EntryLinkView>> naming(Collection<ChronologyEntryView> entries) {
        Map<String, List<EntryLinkView>> byEntry = new HashMap<>();
        stored(entries.stream().map(ChronologyEntryView::childId).distinct().toList()).stream()
                .sorted(EntryLinkView.BY_RECORDED_AT)
                .forEach(link -> link.entryIds().forEach(entryId ->
                        byEntry.computeIfAbsent(entryId, id -> new ArrayList<>()).add(link)));
        Map<ChronologyEntryView, List<EntryLinkView>> naming = new HashMap<>();
        for (ChronologyEntryView entry : entries) {
            naming.put(entry, byEntry.getOrDefault(entry.id(), List.of()).stream()
                    .filter(link -> link.recordedBy(entry.recordedAsOf())).toList());
        }
        return naming;
    }

    private List<EntryLinkView> stored(List<String> childIds) {
        List<EntryLinkView> links = new ArrayList<>();
        mongo.find(query(where("_id").in(childIds)), Document.class, LinkDocument.COLLECTION)
                .forEach(child -> links.addAll(LinkDocument.links(child)));
        return links;
    }
}
