package org.safeguarding.chronology.security.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.util.Map;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.child.ChildIds;

/** The audit record of one GraphQL field: its name and its arguments as a JSON object. */
public final class AuditedField {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AuditedField() {
    }

    public static AuditRecord read(Clock clock, ActingUser user, DataFetchingEnvironment field, String childId) {
        return new AuditRecord(clock.instant(), user.username(), field.getField().getName(), childId,
                arguments(field.getArguments()));
    }

    public static AuditRecord denied(Clock clock, String username, DataFetchingEnvironment field) {
        return new AuditRecord(clock.instant(), username, "denied:" + field.getField().getName(),
                childNamed(field.getField().getName(), field.getArguments()), arguments(field.getArguments()));
    }

    public static String arguments(Map<String, Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GraphQL arguments are always JSON values", e);
        }
    }

    /** The child an operation's arguments name: childId, child(id), entry(id), or the input's childId or entryId. */
    static String childNamed(String field, Map<String, Object> arguments) {
        if (arguments.get("childId") instanceof String childId) {
            return childId;
        }
        if (arguments.get("id") instanceof String id) {
            if (field.equals("child")) {
                return id;
            }
            if (field.equals("entry")) {
                return ChildIds.childOfEntry(id);
            }
        }
        if (arguments.get("input") instanceof Map<?, ?> input) {
            if (input.get("childId") instanceof String childId) {
                return childId;
            }
            if (input.get("entryId") instanceof String entryId) {
                return ChildIds.childOfEntry(entryId);
            }
        }
        return null;
    }
}
