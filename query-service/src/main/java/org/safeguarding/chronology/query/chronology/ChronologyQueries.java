package org.safeguarding.chronology.query.chronology;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.ChronologyPages;
import org.safeguarding.chronology.api.chronology.EntryAsOf;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.chronology.FindChronologyPages;
import org.safeguarding.chronology.api.chronology.FindEntries;
import org.safeguarding.chronology.api.chronology.FindEntry;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.query.WeightedCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * What each agency knew of a child's chronology, when, as the record stood at any instant (the contract's
 * rules 1 to 7). A child not projected (yet) has an empty chronology. Each entry of a page carries the
 * occurredAt of the entry before it in the whole view, not just the page.
 */
@Service
public class ChronologyQueries {

    static final int MAX_PAGE = 500;
    /** Entries held in kept views, in all. */
    static final int KEPT_VIEW_ENTRIES = 100_000;
    /** The contract's order (rule 5), as {@link Cursor#ORDER}, without building cursors. */
    static final Comparator<ChronologyEntryView> ORDER = Comparator.comparing(ChronologyEntryView::occurredAt)
            .thenComparing(ChronologyEntryView::knownAt)
            .thenComparing(ChronologyEntryView::id);

    private final RecordedEntries recorded;
    private final WeightedCache<View, List<ChronologyEntryView>> views =
            new WeightedCache<>(KEPT_VIEW_ENTRIES, List::size);
    private final Clock clock;

    @Autowired
    public ChronologyQueries(RecordedEntries recorded) {
        this(recorded, Clock.systemUTC());
    }

    public ChronologyQueries(RecordedEntries recorded, Clock clock) {
        this.recorded = recorded;
        this.clock = clock;
    }

    @QueryHandler
    public ChronologyPage handle(FindChronology query) {
        checkPageSize(query.first());
        Cursor after = query.after() == null ? null : Cursor.decode(query.after());
        List<ChronologyEntryView> matches = view(recorded.child(query.childId()), query.knownBy(), query.knownAt(),
                query.recordedAsOf(), query.personId(), true);
        int start = after == null ? 0 : firstAfter(matches, after);
        int end = Math.min(start + query.first(), matches.size());
        List<ChronologyPage.Edge> edges = IntStream.range(start, end)
                .mapToObj(i -> matches.get(i).with(matches.get(i).knownTo(),
                        i == 0 ? null : matches.get(i - 1).occurredAt()))
                .map(entry -> new ChronologyPage.Edge(Cursor.of(entry).encode(), entry))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ChronologyPage(edges, end < matches.size(), endCursor, matches.size());
    }

    /** Where each page after the first begins: the cursor of every first-th entry of the view, but the last's. */
    @QueryHandler
    public ChronologyPages handle(FindChronologyPages query) {
        checkPageSize(query.first());
        List<ChronologyEntryView> matches = view(recorded.child(query.childId()), query.knownBy(), query.knownAt(),
                query.recordedAsOf(), query.personId(), true);
        List<String> after = IntStream.iterate(query.first() - 1, i -> i < matches.size() - 1, i -> i + query.first())
                .mapToObj(i -> Cursor.of(matches.get(i)).encode())
                .toList();
        return new ChronologyPages(after);
    }

    private static void checkPageSize(int first) {
        if (first < 1 || first > MAX_PAGE) {
            throw RejectedException.badRequest("first must be between 1 and " + MAX_PAGE + ", was " + first);
        }
    }

    /**
     * Rules 1 to 5: every entry {@code chronology(childId, knownBy, knownAt, recordedAsOf, personId)} matches, in
     * the contract's order (without previousOccurredAt). Null filters are left out; recordedAsOf null means now.
     */
    public List<ChronologyEntryView> matches(String childId, String knownBy, Instant knownAt, Instant recordedAsOf,
                                             String personId) {
        return matches(recorded.child(childId), knownBy, knownAt, recordedAsOf, personId);
    }

    /** As {@link #matches(String, String, Instant, Instant, String)}, over a load of the child's entries in hand. */
    public List<ChronologyEntryView> matches(RecordedEntries.Child child, String knownBy, Instant knownAt,
                                             Instant recordedAsOf, String personId) {
        return view(child, knownBy, knownAt, recordedAsOf, personId, false);
    }

    /**
     * The record as it stood at recordedAsOf is computed once per load of the child's entries and kept; the
     * horizon (knownBy, knownAt) and personId filter it without changing its order. A reviewer pages through
     * one view, so the filtered view is kept too when paging.
     */
    private List<ChronologyEntryView> view(RecordedEntries.Child child, String knownBy, Instant knownAt,
                                           Instant recordedAsOf, String personId, boolean keep) {
        View record = new View(child.load(), recordedAsOf, null, null, null);
        List<ChronologyEntryView> asOf = views.get(record);
        if (asOf == null) {
            Instant now = clock.instant();
            asOf = child.entries().stream()
                    .map(entry -> EntryAsOf.at(entry, recordedAsOf, now))
                    .filter(entry -> entry != null && !EntryAsOf.retracted(entry))
                    .sorted(ORDER)
                    .toList();
            views.put(record, asOf);
        }
        if (knownBy == null && knownAt == null && personId == null) {
            return asOf;
        }
        View filtered = new View(child.load(), recordedAsOf, knownBy, knownAt, personId);
        List<ChronologyEntryView> matches = views.get(filtered);
        if (matches == null) {
            matches = asOf.stream()
                    .filter(entry -> personId == null || entry.personIds().contains(personId))
                    .map(entry -> withinHorizon(entry, knownBy, knownAt))
                    .filter(Objects::nonNull)
                    .toList();
            if (keep) {
                views.put(filtered, matches);
            }
        }
        return matches;
    }

    /** The index of the first entry after the cursor, by binary search (the view is in cursor order). */
    private static int firstAfter(List<ChronologyEntryView> view, Cursor after) {
        int low = 0;
        int high = view.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Cursor.of(view.get(middle)).compareTo(after) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The entry as the record stood at recordedAsOf (now when null), retracted or not; null if not recorded by then. */
    @QueryHandler
    public ChronologyEntryView handle(FindEntry query) {
        RecordedEntry entry = recorded.entry(query.entryId());
        ChronologyEntryView asOf = entry == null ? null : EntryAsOf.at(entry, query.recordedAsOf(), clock.instant());
        return asOf == null || query.knownBy() == null ? asOf : withinHorizon(asOf, query.knownBy(), null);
    }

    /** The entries as the record stands now, in the order named. */
    @QueryHandler
    public List<ChronologyEntryView> handle(FindEntries query) {
        Instant now = clock.instant();
        Map<String, RecordedEntry> found = recorded.entries(query.entryIds());
        return query.entryIds().stream().map(found::get).filter(Objects::nonNull)
                .map(entry -> EntryAsOf.at(entry, null, now)).filter(Objects::nonNull).toList();
    }

    /**
     * Rules 3 and 4: null when the entry is outside the horizon (not known by knownBy, or not by knownAt),
     * else the entry with knownTo cut at knownAt.
     */
    private static ChronologyEntryView withinHorizon(ChronologyEntryView entry, String knownBy, Instant knownAt) {
        List<Knowledge> knownTo = knownAt == null ? entry.knownTo()
                : entry.knownTo().stream().filter(knowledge -> !knowledge.since().isAfter(knownAt)).toList();
        boolean known = knownBy == null ? !knownTo.isEmpty()
                : knownTo.stream().anyMatch(knowledge -> knowledge.agencyId().equals(knownBy));
        if (!known) {
            return null;
        }
        return knownTo.size() == entry.knownTo().size() ? entry : entry.with(knownTo, entry.previousOccurredAt());
    }

    /** A view of one load of a child's entries; recordedAsOf null is the record as it stands. */
    private record View(long load, Instant recordedAsOf, String knownBy, Instant knownAt, String personId) {
    }
}
