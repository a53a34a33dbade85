package org.safeguarding.chronology.api.rejection;

/**
 * A command or query refused before anything was stored; the message names the field or id. Where one field of the
 * command breaks the rule, {@link #field()} names it as the API does (e.g. {@code occurredAt}), for callers that show
 * the refusal beside that field (a spreadsheet import names the column); null for a rule of the whole command.
 */
public class RejectedException extends RuntimeException {

    private final Rejection rejection;
    private final String field;

    public RejectedException(Rejection rejection, String message) {
        this(rejection, null, message);
    }

    public RejectedException(Rejection rejection, String field, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
        this.field = field;
    }

    public Rejection rejection() {
        return rejection;
    }

    /** The command's field that breaks the rule, or null. */
    public String field() {
        return field;
    }

    public static RejectedException badRequest(String message) {
        return new RejectedException(Rejection.BAD_REQUEST, message);
    }

    public static RejectedException badRequest(String field, String message) {
        return new RejectedException(Rejection.BAD_REQUEST, field, message);
    }

    public static RejectedException notFound(String message) {
        return new RejectedException(Rejection.NOT_FOUND, message);
    }

    public static RejectedException conflict(String message) {
        return new RejectedException(Rejection.CONFLICT, message);
    }

    public static RejectedException conflict(String field, String message) {
        return new RejectedException(Rejection.CONFLICT, field, message);
    }

    public static RejectedException forbidden(String message) {
        return new RejectedException(Rejection.FORBIDDEN, message);
    }
}
