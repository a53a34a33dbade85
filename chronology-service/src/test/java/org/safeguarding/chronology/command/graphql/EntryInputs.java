package org.safeguarding.chronology.command.graphql;

import java.util.HashMap;
import java.util.Map;

/** A valid RecordEntryInput as GraphQL variables, for tests to vary. */
public final class EntryInputs {

    private EntryInputs() {
    }

    public static Map<String, Object> entry(String childId, String agencyId, String sourceRef) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("childId", childId);
        entry.put("agencyId", agencyId);
        entry.put("sourceRef", sourceRef);
        entry.put("kind", "DOMESTIC_ABUSE_INCIDENT");
        entry.put("occurredAt", "2024-05-01T09:30:00Z");
        entry.put("knownAt", "2024-05-02T10:00:00Z");
        entry.put("summary", "Police called to the home; Mother reported an argument with Partner");
        entry.put("significance", "SIGNIFICANT");
        entry.put("professional", "Police Officer 2");
        return entry;
    }
}
