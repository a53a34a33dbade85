package org.safeguarding.chronology.api.review;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A finding of the review; its evidence is entries of the review's children, in the order named, each once. */
@Revision("1")
public record FindingRecorded(String reviewId, String findingId, String text, List<String> evidenceEntryIds,
                              String by) {

    public FindingRecorded {
        evidenceEntryIds = List.copyOf(evidenceEntryIds);
    }
}
