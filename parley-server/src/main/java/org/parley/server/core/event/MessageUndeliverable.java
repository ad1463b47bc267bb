package org.parley.server.core.event;

import org.jxmpp.jid.EntityBareJid;
import org.parley.xml.Stanza;

/**
 * A message for a local user found no available resource (RFC 6121 §8.5.2.2): the offline
 * module stores it or bounces it. Published on any thread.
 */
public record MessageUndeliverable(EntityBareJid user, Stanza message) {
}
