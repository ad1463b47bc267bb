package org.parley.server.storage;

/** Storage could not do what was asked (database away, pool saturated); callers map it to a wait/cancel error. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
