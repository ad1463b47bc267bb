package org.parley.server.muc.admin;

import java.util.List;

/**
 * A persistent room an administrator creates: its localpart, title, description, whether it is
 * members-only and listed, and its first owners and members (usernames or bare JIDs).
 */
public record RoomSpec(String name, String title, String description, boolean membersOnly, boolean publicRoom,
                       List<String> owners, List<String> members) {

    public RoomSpec {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        owners = owners == null ? List.of() : List.copyOf(owners);
        members = members == null ? List.of() : List.copyOf(members);
    }
}
