package org.safeguarding.chronology.api.child;

/**
 * Identifiers within a child's case. Entry, sharing and person-record ids carry the child id, so a
 * command or query that names only an entry id reaches the child's case without a lookup:
 * {@code <childId>/E<n>}, {@code <childId>/S<n>}, {@code <childId>/P<n>}.
 */
public final class ChildIds {
    public static final String PREFIX = "child:";

    private ChildIds() {
    }

    public static String aggregateId(String childId) {
        return PREFIX + childId;
    }

    public static String entryId(String childId, long entryNumber) {
        return childId + "/E" + entryNumber;
    }

    public static String sharingId(String childId, long sharingNumber) {
        return childId + "/S" + sharingNumber;
    }

    public static String personRecordId(String childId, long recordNumber) {
        return childId + "/P" + recordNumber;
    }

    /** The child id inside an entry id, or null when the id is not an entry id. */
    public static String childOfEntry(String entryId) {
        return partOf(entryId, 'E', true);
    }

    /** The entry's number within its child's case, or -1 when the id is not an entry id. */
    public static long entryNumber(String entryId) {
        String number = partOf(entryId, 'E', false);
        return number == null ? -1 : Long.parseLong(number);
    }

    private static String partOf(String id, char kind, boolean childPart) {
        if (id == null) {
            return null;
        }
        int slash = id.lastIndexOf('/');
        if (slash <= 0 || slash + 2 > id.length() || id.charAt(slash + 1) != kind) {
            return null;
        }
        String digits = id.substring(slash + 2);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)
                || digits.charAt(0) == '0') {
            return null;
        }
        return childPart ? id.substring(0, slash) : digits;
    }
}
