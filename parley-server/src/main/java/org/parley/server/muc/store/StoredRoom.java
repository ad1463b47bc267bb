package org.parley.server.muc.store;

import java.time.Instant;
import java.util.Map;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;

/**
 * A persistent room as stored: its localpart, configuration, subject, affiliations (bare JIDs in
 * canonical string form) and the nicknames its members registered (bare JID → nickname, XEP-0045
 * §7.10; each JID also in {@code affiliations} as member, admin or owner).
 */
public record StoredRoom(String name, RoomConfig config, String subject, String subjectNick,
                         Map<String, Affiliation> affiliations, Map<String, String> nicks, Instant createdAt) {

    public StoredRoom {
        affiliations = Map.copyOf(affiliations);
        nicks = Map.copyOf(nicks);
    }

    /** A room nobody registered a nickname with. */
    public StoredRoom(String name, RoomConfig config, String subject, String subjectNick,
                      Map<String, Affiliation> affiliations, Instant createdAt) {
        this(name, config, subject, subjectNick, affiliations, Map.of(), createdAt);
    }
}
