package org.safeguarding.chronology.security.audit;

import java.time.Instant;

/**
 * One read of a child's data, or one operation refused ({@code denied:<field>}): who, when, which field with which
 * arguments (as a JSON object), never the data returned.
 *
 * @param childId the child read, or null for an operation about no child (e.g. {@code denied:users})
 */
public record AuditRecord(Instant at, String username, String operation, String childId, String arguments) {
}
