package org.safeguarding.chronology.api.links;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Entries of the child linked by a reviewer, a chair or an administrator (by: the username). */
@Revision("1")
public record EntriesLinked(String childId, String linkId, EntryLinkKind kind, List<String> entryIds, String note,
                            String by) {

    public EntriesLinked {
        entryIds = List.copyOf(entryIds);
    }
}
