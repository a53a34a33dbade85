package org.safeguarding.chronology.command.files;

/** A file refused whole, before any of its rows is checked against the rules of recordEntry. */
public class FileRefused extends RuntimeException {

    public enum Reason {
        /** Not CSV in UTF-8, nor an XLSX workbook. */
        NOT_A_CHRONOLOGY_FILE,
        /** More bytes or more data rows than one import takes. */
        TOO_LARGE
    }

    private final Reason reason;

    public FileRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static FileRefused notAChronologyFile(String message) {
        return new FileRefused(Reason.NOT_A_CHRONOLOGY_FILE, message);
    }

    static FileRefused tooLarge(String message) {
        return new FileRefused(Reason.TOO_LARGE, message);
    }
}
