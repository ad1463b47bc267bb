package org.parley.server.config;

/** A configuration that cannot be used; its message is meant for the operator. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
