package org.safeguarding.chronology.api.patterns;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;

/**
 * One pattern that holds at T: its kind, the instant from which it holds, the agencies (by id), the evidence
 * (entries as seen at T, in the rule's order), and for some kinds the person, the action and its missing parts.
 */
public record PracticePatternView(PatternKind kind, Instant since, List<String> agencyIds,
                                  List<ChronologyEntryView> entries, String personId, Integer actionIndex,
                                  List<PlanActionPart> missing, String description) {

    /** The contract's order: since, kind, entry ids, personId, actionIndex, agency ids. */
    public static final Comparator<PracticePatternView> ORDER = Comparator.comparing(PracticePatternView::since)
            .thenComparing(PracticePatternView::kind)
            .thenComparing(PracticePatternView::entries, PracticePatternView::compareIds)
            .thenComparing(PracticePatternView::personId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PracticePatternView::actionIndex, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PracticePatternView::agencyIds, PracticePatternView::compareLists);

    public PracticePatternView {
        agencyIds = List.copyOf(agencyIds);
        entries = List.copyOf(entries);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public List<String> entryIds() {
        return entries.stream().map(ChronologyEntryView::id).toList();
    }

    /** Everything but the description, which is words about the same facts. */
    public Key key() {
        return new Key(kind, since, agencyIds, entryIds(), personId, actionIndex, missing);
    }

    public record Key(PatternKind kind, Instant since, List<String> agencyIds, List<String> entryIds, String personId,
                      Integer actionIndex, List<PlanActionPart> missing) {
    }

    /** Entries compared by their ids as lists of strings, without building the lists. */
    static int compareIds(List<ChronologyEntryView> one, List<ChronologyEntryView> other) {
        for (int i = 0; i < Math.min(one.size(), other.size()); i++) {
            int compared = one.get(i).id().compareTo(other.get(i).id());
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(one.size(), other.size());
    }

    /** Whether the two are the same pattern, worded alike or not. */
    public boolean samePatternAs(PracticePatternView other) {
        return ORDER.compare(this, other) == 0 && missing.equals(other.missing);
    }

    /** Lists of strings compared item by item, a shorter prefix first. */
    static int compareLists(List<String> one, List<String> other) {
        for (int i = 0; i < Math.min(one.size(), other.size()); i++) {
            int compared = one.get(i).compareTo(other.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(one.size(), other.size());
    }
}
