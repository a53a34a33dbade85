package org.safeguarding.chronology.command.links;

import java.time.Instant;
import java.util.Set;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.command.child.RepeatableRecord;

/** An accepted linkEntries (state of the ChildCase aggregate). */
public record EntryLink(EntriesLinked linked, Instant recordedAt) implements RepeatableRecord<LinkEntries> {

    /** Whether a linkEntries under this link's id repeats it: its kind, its entries as a set, its note. */
    @Override
    public boolean isRepeatedBy(LinkEntries command) {
        return linked.kind() == command.kind()
                && Set.copyOf(linked.entryIds()).equals(Set.copyOf(command.entryIds()))
                && linked.note().equals(command.note());
    }

    public EntryLinkView view() {
        return EntryLinkView.of(linked, recordedAt);
    }
}
