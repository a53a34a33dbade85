package org.safeguarding.chronology.query;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A stored map's key for any id or username: field names may hold neither '.' nor a leading '$'. */
public final class FieldKeys {

    private FieldKeys() {
    }

    public static String of(String id) {
        return "k" + HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
    }
}
