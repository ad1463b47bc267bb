package org.parley.server.muc.admin;

/** An administrative room operation refused; {@link #reason()} says why (the HTTP API maps it to a status). */
public final class RoomAdminException extends RuntimeException {

    /** Why an operation was refused. */
    public enum Reason { NOT_FOUND, EXISTS, LIMIT_REACHED, INVALID }

    private final Reason reason;

    public RoomAdminException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
