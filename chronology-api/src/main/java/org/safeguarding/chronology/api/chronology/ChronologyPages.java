package org.safeguarding.chronology.api.chronology;

import java.util.List;

/**
 * The pages of a chronology: {@code after} holds, for the second page on, the cursor each page is asked with
 * (the endCursor of the page before it), in order.
 */
public record ChronologyPages(List<String> after) {
}
