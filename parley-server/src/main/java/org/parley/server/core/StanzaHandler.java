package org.parley.server.core;

import org.parley.xml.Stanza;

/**
 * Handles a message or presence for one {@link Target} class (a module owns, for example,
 * messages to local bare JIDs). Throwing {@link StanzaErrorException} bounces the stanza with that error.
 */
@FunctionalInterface
public interface StanzaHandler {

    void handle(Stanza stanza);
}
