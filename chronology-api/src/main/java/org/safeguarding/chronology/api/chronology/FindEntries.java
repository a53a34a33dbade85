package org.safeguarding.chronology.api.chronology;

import java.util.List;

/**
 * Answers a list of {@link ChronologyEntryView}: the entries named, as the record stands now (a retracted one as its
 * retracted version), in the order named; an id of no entry is left out. Each child's entries are read once.
 */
public record FindEntries(List<String> entryIds) {

    public FindEntries {
        entryIds = List.copyOf(entryIds);
    }
}
