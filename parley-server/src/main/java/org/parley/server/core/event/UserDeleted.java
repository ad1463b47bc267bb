package org.parley.server.core.event;

import org.jxmpp.jid.EntityBareJid;

/** An account was deleted; its sessions are ended and its per-user caches dropped. */
public record UserDeleted(EntityBareJid user) {
}
