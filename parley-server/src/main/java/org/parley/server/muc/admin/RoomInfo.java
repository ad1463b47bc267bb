package org.parley.server.muc.admin;

import java.util.List;
import java.util.Map;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;

/**
 * What administrators see of a room: its address, configuration, who is in it (nicknames) and
 * its affiliations (bare JID → affiliation). A room read from the database has no occupants.
 */
public record RoomInfo(String name, String jid, RoomConfig config, List<String> occupants, String subject,
                       Map<String, Affiliation> affiliations) {

    public RoomInfo {
        occupants = List.copyOf(occupants);
        affiliations = Map.copyOf(affiliations);
    }
}
