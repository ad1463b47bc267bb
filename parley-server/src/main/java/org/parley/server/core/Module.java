package org.parley.server.core;

/**
 * A feature of the server (roster, presence, offline, disco...). {@code start} registers
 * everything it handles (iq namespaces, stanza handlers, disco features, event listeners), so
 * a reader sees a feature's whole surface in one place.
 */
public interface Module {

    void start(ModuleContext context);

    /** Releases what start acquired (schedulers, caches). */
    default void stop() {
    }
}
