package org.safeguarding.chronology.api.text;

/**
 * What the platform takes as text. An identifier (an id, a source reference) holds no control character at all;
 * other text may hold tab, line feed and carriage return but no other C0 control character. Neither may hold a lone
 * UTF-16 surrogate, which is no Unicode character and which a UTF-8 store would silently replace. Lengths are counted
 * in Unicode code points, as a reader counts characters: an emoji is one.
 */
public final class TextRules {

    /** How much of a value a message quotes. */
    private static final int QUOTED = 40;

    private TextRules() {
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Why the value cannot be an identifier ("must not contain ..."), or null when it can. */
    public static String identifierFault(String value) {
        return fault(value, true);
    }

    /** Why the value cannot be text ("must not contain ..."), or null when it can. */
    public static String textFault(String value) {
        return fault(value, false);
    }

    private static String fault(String value, boolean identifier) {
        int character = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            character++;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate (%s at character %d), which is no Unicode character"
                        .formatted(codePoint(c), character);
            } else if (identifier ? Character.getType(c) == Character.CONTROL
                    : c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain the control character %s at character %d%s".formatted(named(c), character,
                        identifier ? "" : " (of the control characters only tab, line feed and carriage return may "
                                + "appear in text)");
            }
        }
        return null;
    }

    /** The value as a message shows it: in double quotes, control characters and lone surrogates escaped, cut short. */
    public static String quoted(String value) {
        int total = length(value);
        String shown = total > QUOTED ? value.substring(0, value.offsetByCodePoints(0, QUOTED)) : value;
        return "\"" + printable(shown.replace("\\", "\\\\").replace("\"", "\\\""))
                + "\"" + (total > QUOTED ? " (cut short: " + total + " characters)" : "");
    }

    /** The value with each control character and lone surrogate written as a JSON-style escape (backslash, u, 4 hex digits). */
    public static String printable(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                shown.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
                shown.append("\\u%04X".formatted((int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    private static String named(char c) {
        String name = switch (c) {
            case 0 -> " (NUL)";
            case '\t' -> " (tab)";
            case '\n' -> " (line feed)";
            case '\r' -> " (carriage return)";
            case 0x1B -> " (escape)";
            case 0x7F -> " (delete)";
            default -> "";
        };
        return codePoint(c) + name;
    }

    private static String codePoint(char c) {
        return "U+%04X".formatted((int) c);
    }
}
