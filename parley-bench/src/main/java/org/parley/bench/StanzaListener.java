package org.parley.bench;

import org.parley.xml.Element;

/**
 * Receives the stanzas an online client gets. Called on the client's event-loop thread, so it
 * must not block; scenarios count and record into thread-safe structures.
 */
@FunctionalInterface
public interface StanzaListener {
    StanzaListener IGNORE = (client, stanza) -> { };

    void stanza(XmppClient client, Element stanza);
}
