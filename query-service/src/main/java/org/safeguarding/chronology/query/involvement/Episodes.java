package org.safeguarding.chronology.query.involvement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView.Episode;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryKind;

/** An agency's involvement episodes, from its INVOLVEMENT_STARTED and INVOLVEMENT_ENDED entries. */
public final class Episodes {

    private Episodes() {
    }

    /**
     * Walks one agency's entries in chronology order: a start opens an episode when none is open (a start while
     * open is ignored), an end closes the open one (an end with none open is ignored). The last episode is still
     * open ({@code to} null) when no end closed it.
     */
    public static List<Episode> of(List<ChronologyEntryView> agencyEntries) {
        List<Episode> episodes = new ArrayList<>();
        Instant open = null;
        for (ChronologyEntryView entry : agencyEntries) {
            if (entry.kind() == EntryKind.INVOLVEMENT_STARTED && open == null) {
                open = entry.occurredAt();
            } else if (entry.kind() == EntryKind.INVOLVEMENT_ENDED && open != null) {
                episodes.add(new Episode(open, entry.occurredAt()));
                open = null;
            }
        }
        if (open != null) {
            episodes.add(new Episode(open, null));
        }
        return episodes;
    }
}
