package org.safeguarding.chronology.command.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of an agency's chronology file, by their headers; each fills the fields of recordEntry named here, so a
 * refusal that names a field is shown in its column.
 */
public enum Column {
    SOURCE_REF("Source ref", true, "sourceRef"),
    OCCURRED("Occurred", true, "occurredAt", "occurredAtPrecision"),
    KNOWN("Known", false, "knownAt"),
    KIND("Kind", true, "kind"),
    SUMMARY("Summary", true, "summary"),
    SIGNIFICANCE("Significance", false, "significance"),
    PROFESSIONAL("Professional", false, "professional"),
    CONCERNS("Concerns", false, "concerns");

    private final String header;
    private final boolean required;
    private final List<String> fields;

    Column(String header, boolean required, String... fields) {
        this.header = header;
        this.required = required;
        this.fields = List.of(fields);
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** The column whose header this is, without regard to case or spaces; null for any other header. */
    public static Column ofHeader(String header) {
        String key = key(header);
        return Arrays.stream(values()).filter(column -> key(column.header).equals(key)).findFirst().orElse(null);
    }

    /** The column a field of recordEntry comes from; null for a field no column fills (a rule of the whole row). */
    public static Column ofField(String field) {
        return Arrays.stream(values()).filter(column -> column.fields.contains(field)).findFirst().orElse(null);
    }

    private static String key(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u00A0\\uFEFF]+", "").toLowerCase(Locale.ROOT);
    }
}
