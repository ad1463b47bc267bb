package org.parley.server.muc.store;

import java.time.Instant;

/**
 * A MAM query on one room's archive: filters (any may be null) and an RSM page.
 *
 * @param nick      only messages sent under this nickname
 * @param senderJid only messages sent by this real bare JID
 * @param text      only messages whose body contains all of these words
 * @param after     page after this archive id
 * @param before    page before this archive id
 * @param lastPage  the page at the end (RSM {@code <before/>} empty)
 * @param max       the page size, already capped by the service
 */
public record ArchiveQuery(String room, Instant start, Instant end, String nick, String senderJid, String text,
                           String after, String before, boolean lastPage, int max) {
}
