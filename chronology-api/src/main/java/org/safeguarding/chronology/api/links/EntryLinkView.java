package org.safeguarding.chronology.api.links;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A link as recorded: its entries in the order first given; recordedAt is the instant the platform accepted it. */
public record EntryLinkView(String id, EntryLinkKind kind, List<String> entryIds, String note, Instant recordedAt) {

    /** The order of an entry's links: by recordedAt, then id. */
    public static final Comparator<EntryLinkView> BY_RECORDED_AT = Comparator.comparing(EntryLinkView::recordedAt)
            .thenComparing(EntryLinkView::id);

    public EntryLinkView {
        entryIds = List.copyOf(entryIds);
    }

    public static EntryLinkView of(EntriesLinked linked, Instant recordedAt) {
        return new EntryLinkView(linked.linkId(), linked.kind(), linked.entryIds(), linked.note(), recordedAt);
    }

    /** Whether the link was recorded by R (every link when R is null: the record as it stands). */
    public boolean recordedBy(Instant recordedAsOf) {
        return recordedAsOf == null || !recordedAt.isAfter(recordedAsOf);
    }
}
