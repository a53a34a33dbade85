package org.safeguarding.chronology.query.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.api.links.EntryLinkKind.CONFLICTING_ACCOUNTS;
import static org.safeguarding.chronology.api.links.EntryLinkKind.SAME_OCCURRENCE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.query.TestMongo;
import org.safeguarding.chronology.query.chronology.LiteralChronology;
import org.safeguarding.chronology.query.chronology.Story;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The links projection as a plain object fed events, and what KnownLinks reads back. */
class LinksProjectionTest {

    static final String CHILD = "child-a";
    static final String E1 = CHILD + "/E1";
    static final String E2 = CHILD + "/E2";
    static final String E3 = CHILD + "/E3";
    static final Instant T1 = Instant.parse("2024-06-03T09:00:00.000001Z");
    static final Instant T2 = Instant.parse("2024-06-03T09:00:00.000002Z");

    private final MongoTemplate mongo = TestMongo.freshDatabase();
    private final LinksProjection projection = new LinksProjection(mongo);
    private final KnownLinks links = new KnownLinks(mongo);

    @Test
    void aLinkKeepsItsEntriesInTheOrderGivenAndTheEventsTimestampAsRecordedAt() {
        projection.on(linked("link-1", SAME_OCCURRENCE, E2, E1), T1);
        assertThat(links.ofChild(CHILD, null)).containsExactly(
                new EntryLinkView("link-1", SAME_OCCURRENCE, List.of(E2, E1), "one visit told twice", T1));
        assertThat(links.ofChild("child-b", null)).isEmpty();
    }

    @Test
    void aRedeliveredLinkChangesNothing() {
        projection.on(linked("link-1", SAME_OCCURRENCE, E1, E2), T1);
        Document stored = mongo.findById(CHILD, Document.class, LinkDocument.COLLECTION);
        projection.on(linked("link-1", SAME_OCCURRENCE, E1, E2), T1);
        assertThat(mongo.findById(CHILD, Document.class, LinkDocument.COLLECTION)).isEqualTo(stored);
        assertThat(links.ofChild(CHILD, null)).hasSize(1);
    }

    @Test
    void aChildsLinksAreReadByRecordedAtAndAsTheRecordStoodAtR() {
        projection.on(linked("link-b", CONFLICTING_ACCOUNTS, E2, E3), T2);
        projection.on(linked("link-a", SAME_OCCURRENCE, E1, E2), T1);
        assertThat(links.ofChild(CHILD, null)).extracting(EntryLinkView::id).containsExactly("link-a", "link-b");
        assertThat(links.ofChild(CHILD, T2)).extracting(EntryLinkView::id).containsExactly("link-a", "link-b");
        assertThat(links.ofChild(CHILD, T1)).extracting(EntryLinkView::id).containsExactly("link-a");
        assertThat(links.ofChild(CHILD, T1.minusNanos(1_000))).isEmpty();
    }

    @Test
    void eachEntryViewGetsTheLinksNamingItAsOfItsOwnRecordedAsOf() {
        projection.on(linked("link-a", SAME_OCCURRENCE, E1, E2), T1);
        projection.on(linked("link-b", CONFLICTING_ACCOUNTS, E2, E3), T2);
        projection.on(new EntriesLinked("child-b", "link-a", SAME_OCCURRENCE, List.of("child-b/E1", "child-b/E2"),
                "another child's link of the same id", "reviewer-1"), T1);
        ChronologyEntryView e2Now = view(E2, null);
        ChronologyEntryView e2AtT1 = view(E2, T1);
        ChronologyEntryView e1Now = view(E1, null);
        ChronologyEntryView otherChild = view("child-b/E1", null);
        ChronologyEntryView unlinked = view(CHILD + "/E4", null);

        Map<ChronologyEntryView, List<EntryLinkView>> naming = links.naming(
                List.of(e2Now, e2AtT1, e1Now, otherChild, unlinked));

        assertThat(naming.get(e2Now)).extracting(EntryLinkView::id).containsExactly("link-a", "link-b");
        assertThat(naming.get(e2AtT1)).extracting(EntryLinkView::id).containsExactly("link-a");
        assertThat(naming.get(e1Now)).extracting(EntryLinkView::id).containsExactly("link-a");
        assertThat(naming.get(otherChild)).extracting(EntryLinkView::note)
                .containsExactly("another child's link of the same id");
        assertThat(naming.get(unlinked)).isEmpty();
    }

    @Test
    void aLinkIdMayHoldAnyCharacterAFieldNameMayNot() {
        projection.on(linked("$link.1", SAME_OCCURRENCE, E1, E2), T1);
        projection.on(linked("link.1", CONFLICTING_ACCOUNTS, E1, E2), T2);
        assertThat(links.ofChild(CHILD, null)).extracting(EntryLinkView::id).containsExactly("$link.1", "link.1");
    }

    @Test
    void aResetDropsTheLinks() {
        projection.on(linked("link-1", SAME_OCCURRENCE, E1, E2), T1);
        projection.reset();
        assertThat(links.ofChild(CHILD, null)).isEmpty();
    }

    private static EntriesLinked linked(String linkId, EntryLinkKind kind, String... entryIds) {
        return new EntriesLinked(CHILD, linkId, kind, List.of(entryIds), "one visit told twice", "reviewer-1");
    }

    /** The entry as a chronology as of R shows it (every field but its id, child and R as any entry's). */
    private static ChronologyEntryView view(String entryId, Instant recordedAsOf) {
        String childId = entryId.substring(0, entryId.indexOf('/'));
        Story story = new Story();
        story.record(T1, childId, "police-1", T1.minusSeconds(86_400), T1.minusSeconds(86_400));
        ChronologyEntryView any = new LiteralChronology(story.events, T2).entry(childId + "/E1", recordedAsOf);
        return new ChronologyEntryView(entryId, childId, any.agencyId(), any.sourceRef(), any.kind(),
                any.occurredAt(), any.occurredAtPrecision(), any.knownAt(), any.recordedAt(), any.summary(),
                any.significance(), any.professional(), any.personIds(), any.version(), any.knownTo(), any.history(),
                null, any.concerns(), any.thresholdDecision(), any.actions(), any.escalatedTo(), any.respondsTo(),
                recordedAsOf);
    }
}
