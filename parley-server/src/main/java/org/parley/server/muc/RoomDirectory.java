package org.parley.server.muc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The public rooms of the service (XEP-0045 §6.3), as disco#items and room search list them:
 * every room that is public, configured and alive, sorted by address (the order RSM pages in),
 * optionally only those whose address, name or description contains a text, case-insensitively.
 * It reads each room's published {@link Room#listing() listing}, so listing 16,500 rooms asks no
 * room actor anything and never waits for a busy room.
 */
final class RoomDirectory {

    private RoomDirectory() {
    }

    /** The listed rooms matching {@code text} (all when blank), sorted by JID. */
    static List<RoomListing> find(Collection<Room> rooms, String text) {
        String needle = text == null ? "" : text.toLowerCase(Locale.ROOT).trim();
        List<RoomListing> found = new ArrayList<>();
        for (Room room : rooms) {
            RoomListing listing = room.listing();
            if (listing != null && matches(listing, needle)) {
                found.add(listing);
            }
        }
        found.sort(Comparator.comparing(RoomListing::jid));
        return found;
    }

    private static boolean matches(RoomListing room, String needle) {
        return needle.isEmpty() || room.jid().toLowerCase(Locale.ROOT).contains(needle)
                || room.title().toLowerCase(Locale.ROOT).contains(needle)
                || room.description().toLowerCase(Locale.ROOT).contains(needle);
    }
}
