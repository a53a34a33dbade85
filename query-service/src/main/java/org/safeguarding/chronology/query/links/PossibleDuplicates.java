package org.safeguarding.chronology.query.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.FindPossibleDuplicates;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.springframework.stereotype.Service;

/**
 * The contract's possible duplicates: pairs of entries of {@code chronology(childId, recordedAsOf: R)} that one
 * occurrence may have given twice. The chronology is in chronology order, whose first key is occurredAt, so each
 * entry is compared only with the entries after it up to 24 hours later, and the pairs come out ordered by the
 * first entry, then the second. Each summary's words are found once.
 */
@Service
public class PossibleDuplicates {

    static final Duration APART = Duration.ofHours(24);
    static final int SHORTEST_WORD = 3;

    private final ChronologyQueries chronology;
    private final KnownLinks links;

    public PossibleDuplicates(ChronologyQueries chronology, KnownLinks links) {
        this.chronology = chronology;
        this.links = links;
    }

    @QueryHandler
    public List<DuplicateCandidateView> handle(FindPossibleDuplicates query) {
        List<ChronologyEntryView> entries = chronology.matches(query.childId(), null, null, query.recordedAsOf(),
                null);
        Map<String, Set<String>> sameOccurrence = sameOccurrenceLinks(query.childId(), query.recordedAsOf());
        List<Set<String>> words = entries.stream().map(entry -> words(entry.summary())).toList();
        List<DuplicateCandidateView> candidates = new ArrayList<>();
        for (int x = 0; x < entries.size(); x++) {
            ChronologyEntryView first = entries.get(x);
            Instant latest = first.occurredAt().plus(APART);
            for (int y = x + 1; y < entries.size() && !entries.get(y).occurredAt().isAfter(latest); y++) {
                ChronologyEntryView second = entries.get(y);
                if (first.kind() != second.kind() || first.agencyId().equals(second.agencyId())
                        || !Collections.disjoint(sameOccurrence.getOrDefault(first.id(), Set.of()),
                                sameOccurrence.getOrDefault(second.id(), Set.of()))) {
                    continue;
                }
                int shared = shared(words.get(x), words.get(y));
                int either = words.get(x).size() + words.get(y).size() - shared;
                if (either > 0 && 2 * shared >= either) {
                    candidates.add(new DuplicateCandidateView(List.of(asShown(entries, x), asShown(entries, y)),
                            (double) shared / either));
                }
            }
        }
        return candidates;
    }

    /**
     * The words of a summary: its maximal runs of letters and decimal digits of at least {@value #SHORTEST_WORD}
     * characters (code points), lower-cased.
     */
    static Set<String> words(String summary) {
        Set<String> words = new HashSet<>();
        int start = 0;
        int length = 0;
        for (int i = 0; i < summary.length(); i += Character.charCount(summary.codePointAt(i))) {
            int codePoint = summary.codePointAt(i);
            if (Character.isLetter(codePoint) || Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER) {
                start = length == 0 ? i : start;
                length++;
            } else {
                word(words, summary, start, i, length);
                length = 0;
            }
        }
        word(words, summary, start, summary.length(), length);
        return words;
    }

    private static void word(Set<String> words, String summary, int start, int end, int length) {
        if (length >= SHORTEST_WORD) {
            words.add(summary.substring(start, end).toLowerCase(Locale.ROOT));
        }
    }

    private static int shared(Set<String> one, Set<String> other) {
        int shared = 0;
        for (String word : one) {
            if (other.contains(word)) {
                shared++;
            }
        }
        return shared;
    }

    /** For each entry, the SAME_OCCURRENCE links recorded by R that name it. */
    private Map<String, Set<String>> sameOccurrenceLinks(String childId, Instant recordedAsOf) {
        Map<String, Set<String>> naming = new HashMap<>();
        for (EntryLinkView link : links.ofChild(childId, recordedAsOf)) {
            if (link.kind() == EntryLinkKind.SAME_OCCURRENCE) {
                link.entryIds().forEach(entryId -> naming.computeIfAbsent(entryId, id -> new HashSet<>()).add(link.id()));
            }
        }
        return naming;
    }

    /** The entry as the chronology shows it, with the occurredAt of the entry before it. */
    private static ChronologyEntryView asShown(List<ChronologyEntryView> entries, int index) {
        ChronologyEntryView entry = entries.get(index);
        return entry.with(entry.knownTo(), index == 0 ? null : entries.get(index - 1).occurredAt());
    }
}
