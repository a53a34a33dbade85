package org.safeguarding.chronology.query.files;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * An export as asked: GET /exports/chronology?childId=C&format=F, optionally knownBy, knownAt and recordedAsOf as
 * in {@code chronology} (instants in ISO-8601 with an offset, as the DateTime scalar). Any other parameter, a
 * repeated or blank one, or a malformed value is refused, naming the parameter.
 */
record ExportAsked(String childId, ExportFormat format, String knownBy, Instant knownAt, Instant recordedAsOf) {

    private static final List<String> PARAMETERS = List.of("childId", "format", "knownBy", "knownAt", "recordedAsOf");
    private static final Set<String> REQUIRED = Set.of("childId", "format");

    static ExportAsked of(MultiValueMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw badRequest(name + " is not a parameter of the export; it takes " + String.join(", ", PARAMETERS));
            }
            if (parameters.get(name).size() > 1) {
                throw badRequest(name + " is given more than once");
            }
            if (parameters.getFirst(name).isBlank()) {
                throw badRequest(name + " must not be blank");
            }
        }
        for (String name : PARAMETERS) {
            if (REQUIRED.contains(name) && !parameters.containsKey(name)) {
                throw badRequest(name + " is required");
            }
        }
        return new ExportAsked(parameters.getFirst("childId"), ExportFormat.named(parameters.getFirst("format")),
                parameters.getFirst("knownBy"), instant(parameters, "knownAt"), instant(parameters, "recordedAsOf"));
    }

    /** The audit record's arguments: the parameters given, as GraphQL would hold them (instants in UTC). */
    Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("childId", childId);
        arguments.put("format", format.extension());
        if (knownBy != null) {
            arguments.put("knownBy", knownBy);
        }
        if (knownAt != null) {
            arguments.put("knownAt", knownAt);
        }
        if (recordedAsOf != null) {
            arguments.put("recordedAsOf", recordedAsOf);
        }
        return arguments;
    }

    private static Instant instant(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            // an offset's "+" left unencoded in a query string arrives as a space
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant with an offset, e.g. 2019-05-01T09:30:00Z, not '"
                    + value + "'");
        }
    }
}
