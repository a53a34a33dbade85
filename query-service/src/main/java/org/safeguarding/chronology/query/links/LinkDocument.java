package org.safeguarding.chronology.query.links;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.query.FieldKeys;

/**
 * The layout of {@code rm_links}, for its writer (LinksProjection) and its reader (KnownLinks): one document per
 * child, keyed by the child id, each link under {@code l.<key of its id>}.
 */
final class LinkDocument {

    static final String COLLECTION = "rm_links";
    static final String LINKS = "l";
    static final String ID = "id";
    static final String KIND = "kind";
    static final String ENTRIES = "entryIds";
    static final String NOTE = "note";
    static final String RECORDED_AT = "recordedAt";

    private LinkDocument() {
    }

    /** Where the link is stored in its child's document. */
    static String path(String linkId) {
        return LINKS + "." + FieldKeys.of(linkId);
    }

    static Document of(EntriesLinked linked, Instant recordedAt) {
        return new Document(ID, linked.linkId())
                .append(KIND, linked.kind().name())
                .append(ENTRIES, linked.entryIds())
                .append(NOTE, linked.note())
                .append(RECORDED_AT, recordedAt.toString());
    }

    /** Every link of a child's document, in no particular order. */
    static List<EntryLinkView> links(Document child) {
        Document stored = child.get(LINKS, Document.class);
        return stored == null ? List.of() : stored.values().stream().map(Document.class::cast)
                .map(link -> new EntryLinkView(link.getString(ID), EntryLinkKind.valueOf(link.getString(KIND)),
                        link.getList(ENTRIES, String.class), link.getString(NOTE),
                        Instant.parse(link.getString(RECORDED_AT))))
                .toList();
    }
}
