package org.parley.server.core;

import org.parley.xml.Stanza;

/** A service at its own subdomain (the chat-room service at conference.domain, later a SIP gateway). */
public interface Component {

    /** The component's domain, e.g. conference.example.com. */
    String domain();

    /** Receives every stanza addressed to the component's domain or any JID under it. */
    void receive(Stanza stanza);
}
