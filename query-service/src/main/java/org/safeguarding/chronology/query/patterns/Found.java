package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.patterns.PlanActionPart;
import org.safeguarding.chronology.api.patterns.PracticePatternView;

/**
 * A pattern a rule found, with its sentence still to be worded: agencies are named only once the names of all
 * the patterns' agencies have been looked up together.
 */
record Found(PatternKind kind, Instant since, List<String> agencyIds, List<ChronologyEntryView> entries,
             String personId, Integer actionIndex, List<PlanActionPart> missing, Sentence sentence) {

    /** Words about the pattern, given the agencies' names. */
    interface Sentence {
        String words(Words words);
    }

    static Found of(PatternKind kind, Instant since, List<String> agencyIds, List<ChronologyEntryView> entries,
                    Sentence sentence) {
        return new Found(kind, since, List.copyOf(new TreeSet<>(agencyIds)), entries, null, null, List.of(),
                sentence);
    }

    PracticePatternView worded(Words words) {
        return new PracticePatternView(kind, since, agencyIds, entries, personId, actionIndex, missing,
                sentence.words(words));
    }
}
