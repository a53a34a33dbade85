package org.safeguarding.chronology.api.links;

import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;

/** Two entries in chronology order, as that chronology view shows them, and their summaries' similarity. */
public record DuplicateCandidateView(List<ChronologyEntryView> entries, double similarity) {

    public DuplicateCandidateView {
        entries = List.copyOf(entries);
    }
}
