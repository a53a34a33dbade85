package org.safeguarding.chronology.security.audit;

import java.util.List;

/** One page of a child's audit trail, newest first. */
public record AuditPage(List<Edge> edges, boolean hasNextPage, String endCursor, int totalCount) {

    public record Edge(String cursor, AuditRecord node) {
    }
}
