package org.parley.server.muc;

/**
 * A room's configuration (the XEP-0045 §10.2 form's values). Immutable: a change is a new value,
 * so a snapshot handed to storage can never change under the writer.
 *
 * @param password     the room secret; only enforced when {@code passwordProtected}
 * @param maxUsers     the room's own occupant cap; 0 means the service's cap
 * @param nonAnonymous everyone sees occupants' real JIDs (whois=anyone); otherwise only moderators do
 * @param changeSubject participants (not only moderators) may change the subject
 * @param allowInvites participants (not only admins and owners) may invite, and so grant membership
 * @param allowPm      who may send private messages: anyone, participants, moderators or none
 * @param archive      groupchat messages of the persistent room are archived (MAM)
 */
public record RoomConfig(String name, String description, boolean persistent, boolean publicRoom,
                         boolean membersOnly, boolean moderated, boolean passwordProtected, String password,
                         int maxUsers, boolean nonAnonymous, boolean changeSubject, boolean allowInvites,
                         String allowPm, boolean archive) {

    public static final java.util.List<String> PM_OPTIONS = java.util.List.of("anyone", "participants", "moderators", "none");

    public RoomConfig {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        password = password == null ? "" : password;
        allowPm = allowPm == null ? "anyone" : allowPm;
    }

    /** An ad hoc room as the seed describes it: public, open, temporary. */
    public static RoomConfig adHoc() {
        return new RoomConfig("", "", false, true, false, false, false, "", 0, false, false, false, "anyone", true);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a configuration with some values changed (form submissions, admin requests). */
    public static final class Builder {
        public String name;
        public String description;
        public boolean persistent;
        public boolean publicRoom;
        public boolean membersOnly;
        public boolean moderated;
        public boolean passwordProtected;
        public String password;
        public int maxUsers;
        public boolean nonAnonymous;
        public boolean changeSubject;
        public boolean allowInvites;
        public String allowPm;
        public boolean archive;

        private Builder(RoomConfig c) {
            name = c.name;
            description = c.description;
            persistent = c.persistent;
            publicRoom = c.publicRoom;
            membersOnly = c.membersOnly;
            moderated = c.moderated;
            passwordProtected = c.passwordProtected;
            password = c.password;
            maxUsers = c.maxUsers;
            nonAnonymous = c.nonAnonymous;
            changeSubject = c.changeSubject;
            allowInvites = c.allowInvites;
            allowPm = c.allowPm;
            archive = c.archive;
        }

        public RoomConfig build() {
            return new RoomConfig(name, description, persistent, publicRoom, membersOnly, moderated, passwordProtected,
                    password, maxUsers, nonAnonymous, changeSubject, allowInvites, allowPm, archive);
        }
    }
}
