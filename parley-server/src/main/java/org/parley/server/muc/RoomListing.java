package org.parley.server.muc;

/**
 * A public room as the room directory lists it (disco#items, room search).
 *
 * @param name      the room's localpart, the directory's sort key
 * @param jid       the room's address, also its RSM id
 * @param title     the room's natural-language name (may be empty)
 * @param occupants how many nicknames are in the room
 */
record RoomListing(String name, String jid, String title, String description, int occupants) {

    /** What disco#items shows as the item's name: the title, or the localpart when there is none. */
    String displayName() {
        return title.isEmpty() ? name : title;
    }
}
