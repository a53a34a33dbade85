package org.safeguarding.chronology.api.review;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Entries of the review's children marked as a key practice episode, in the order named, each once. */
@Revision("1")
public record KeyPracticeEpisodeMarked(String reviewId, String episodeId, String title, List<String> entryIds,
                                       String analysis, String by) {

    public KeyPracticeEpisodeMarked {
        entryIds = List.copyOf(entryIds);
    }
}
