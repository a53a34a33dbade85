package org.safeguarding.chronology.api.chronology;

import java.util.List;

public record ChronologyPage(List<Edge> edges, boolean hasNextPage, String endCursor, int totalCount) {

    public record Edge(String cursor, ChronologyEntryView node) {
    }
}
