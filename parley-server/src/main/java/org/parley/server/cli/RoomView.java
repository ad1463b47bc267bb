package org.parley.server.cli;

import java.util.List;
import java.util.Map;

/** A room as the CLI prints it, from the REST API or the database alike. */
record RoomView(String name, String jid, String title, String description, boolean persistent, boolean membersOnly,
                boolean publicRoom, List<String> occupants, Map<String, String> affiliations) {
}
