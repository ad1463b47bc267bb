package org.parley.server.account;

/** A username or password that cannot be used; the message is meant for the person who typed it. */
public final class InvalidAccountException extends RuntimeException {

    public InvalidAccountException(String message) {
        super(message);
    }
}
