package org.parley.server.cli;

/** A command that could not do what was asked; the message is printed for the operator, exit code 1. */
final class CliFailure extends RuntimeException {

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
