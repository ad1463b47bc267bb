package org.parley.server.muc.store;

import java.time.Instant;

/**
 * One archived groupchat message.
 *
 * @param id        the archive id (XEP-0359 stanza-id), also the RSM paging key
 * @param senderJid the sender's real bare JID (for the 'with' filter; never shown to others by the archive)
 * @param stanza    the message as the room broadcast it (from room/nick), as XML
 */
public record ArchivedMessage(String id, String room, Instant sentAt, String nick, String senderJid, String body,
                              String stanza) {
}
