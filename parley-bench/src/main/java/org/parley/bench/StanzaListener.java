package org.parley.bench;

/**
 * Receives the stanzas an online client gets, as a byte view valid only during the call (see
 * {@link Incoming}). Called on the client's event-loop thread, so it must not block; scenarios
 * count and record into thread-safe structures.
 */
@FunctionalInterface
public interface StanzaListener {
    StanzaListener IGNORE = (client, stanza) -> { };

    void stanza(XmppClient client, Incoming stanza);
}
