package org.safeguarding.chronology.query.links;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.links.DuplicateCandidateView;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.query.chronology.LiteralChronology;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * The contract's possible duplicates read literally over the raw events: every pair of entries of the literal
 * chronology, compared word by word, with the links found in the stream. Written apart from the production code on
 * purpose (no sliding window, words by a regular expression); keep it that way.
 */
final class LiteralDuplicates {

    /** A word: a maximal run of Unicode letters or decimal digits. */
    private static final Pattern RUN = Pattern.compile("[\\p{L}\\p{Nd}]+");

    private final List<Story.Event> stream;
    private final LiteralChronology chronology;
    private final Instant now;
    /** Pairs left out because a SAME_OCCURRENCE link named both, over every call. */
    int leftOutByALink;

    LiteralDuplicates(List<Story.Event> stream, Instant now) {
        this.stream = stream;
        this.chronology = new LiteralChronology(stream, now);
        this.now = now;
    }

    List<DuplicateCandidateView> possibleDuplicates(String childId, Instant recordedAsOf) {
        Instant at = recordedAsOf == null ? now : recordedAsOf;
        List<ChronologyEntryView> entries = chronology.chronology(childId, null, null, recordedAsOf);
        List<DuplicateCandidateView> candidates = new ArrayList<>();
        for (int x = 0; x < entries.size(); x++) {
            for (int y = x + 1; y < entries.size(); y++) {
                ChronologyEntryView first = entries.get(x);
                ChronologyEntryView second = entries.get(y);
                if (first.agencyId().equals(second.agencyId()) || first.kind() != second.kind()
                        || Duration.between(first.occurredAt(), second.occurredAt()).abs()
                        .compareTo(Duration.ofHours(24)) > 0) {
                    continue;
                }
                double similarity = jaccard(words(first.summary()), words(second.summary()));
                if (similarity < 0.5) {
                    continue;
                }
                if (linkedAsOneOccurrence(childId, first.id(), second.id(), at)) {
                    leftOutByALink++;
                    continue;
                }
                candidates.add(new DuplicateCandidateView(List.of(first, second), similarity));
            }
        }
        return candidates;
    }

    private boolean linkedAsOneOccurrence(String childId, String one, String other, Instant at) {
        for (Story.Event event : stream) {
            if (event.payload() instanceof EntriesLinked link && link.childId().equals(childId)
                    && link.kind() == EntryLinkKind.SAME_OCCURRENCE && !event.recordedAt().isAfter(at)
                    && link.entryIds().contains(one) && link.entryIds().contains(other)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> words(String summary) {
        Set<String> words = new HashSet<>();
        Matcher runs = RUN.matcher(summary);
        while (runs.find()) {
            String run = runs.group();
            if (run.codePointCount(0, run.length()) >= 3) {
                words.add(run.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** Two empty sets: 0. */
    static double jaccard(Set<String> one, Set<String> other) {
        Set<String> union = new HashSet<>(one);
        union.addAll(other);
        if (union.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(one);
        both.retainAll(other);
        return (double) both.size() / union.size();
    }
}
