package org.safeguarding.chronology.api.rejection;

/** A command or query refused before anything was stored; the message names the field or id. */
public class RejectedException extends RuntimeException {

    private final Rejection rejection;

    public RejectedException(Rejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public static RejectedException badRequest(String message) {
        return new RejectedException(Rejection.BAD_REQUEST, message);
    }

    public static RejectedException notFound(String message) {
        return new RejectedException(Rejection.NOT_FOUND, message);
    }

    public static RejectedException conflict(String message) {
        return new RejectedException(Rejection.CONFLICT, message);
    }

    public static RejectedException forbidden(String message) {
        return new RejectedException(Rejection.FORBIDDEN, message);
    }
}
