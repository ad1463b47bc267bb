package org.parley.server.muc.store;

import java.time.Instant;
import java.util.Map;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;

/**
 * A persistent room as stored: its localpart, configuration, subject and affiliations (bare JIDs
 * in canonical string form).
 */
public record StoredRoom(String name, RoomConfig config, String subject, String subjectNick,
                         Map<String, Affiliation> affiliations, Instant createdAt) {

    public StoredRoom {
        affiliations = Map.copyOf(affiliations);
    }
}
