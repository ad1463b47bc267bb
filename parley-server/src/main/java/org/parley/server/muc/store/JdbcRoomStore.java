package org.parley.server.muc.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;
import org.parley.server.storage.Jdbc;

/** {@link RoomStore} on the muc_rooms and muc_affiliations tables (V10, reserved nicknames V11). */
public final class JdbcRoomStore implements RoomStore {

    private static final String COLUMNS = "name, title, description, public_room, members_only, moderated, "
            + "password_protected, password, max_users, non_anonymous, change_subject, allow_invites, allow_pm, archive, "
            + "subject, subject_nick, created_at";

    private final Jdbc jdbc;

    public JdbcRoomStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredRoom> loadAll() {
        Map<String, Map<String, Affiliation>> affiliations = new HashMap<>();
        Map<String, Map<String, String>> nicks = new HashMap<>();
        jdbc.query("SELECT room, jid, affiliation, nick FROM muc_affiliations", rs -> {
            affiliations.computeIfAbsent(rs.getString(1), r -> new HashMap<>())
                    .put(rs.getString(2), Affiliation.parse(rs.getString(3)));
            if (rs.getString(4) != null) {
                nicks.computeIfAbsent(rs.getString(1), r -> new HashMap<>()).put(rs.getString(2), rs.getString(4));
            }
            return null;
        });
        return jdbc.query("SELECT " + COLUMNS + " FROM muc_rooms ORDER BY name",
                rs -> room(rs, affiliations.getOrDefault(rs.getString("name"), Map.of()),
                        nicks.getOrDefault(rs.getString("name"), Map.of())));
    }

    @Override
    public Optional<StoredRoom> load(String name) {
        Map<String, Affiliation> affiliations = new HashMap<>();
        Map<String, String> nicks = new HashMap<>();
        jdbc.query("SELECT jid, affiliation, nick FROM muc_affiliations WHERE room = ?", rs -> {
            affiliations.put(rs.getString(1), Affiliation.parse(rs.getString(2)));
            if (rs.getString(3) != null) {
                nicks.put(rs.getString(1), rs.getString(3));
            }
            return null;
        }, name);
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM muc_rooms WHERE name = ?", rs -> room(rs, affiliations, nicks),
                name);
    }

    @Override
    public void save(StoredRoom room) {
        RoomConfig c = room.config();
        jdbc.inTransaction(conn -> {
            try (PreparedStatement update = conn.prepareStatement("UPDATE muc_rooms SET title = ?, description = ?, "
                    + "public_room = ?, members_only = ?, moderated = ?, password_protected = ?, password = ?, max_users = ?, "
                    + "non_anonymous = ?, change_subject = ?, allow_invites = ?, allow_pm = ?, archive = ?, subject = ?, "
                    + "subject_nick = ? WHERE name = ?")) {
                Jdbc.bind(update, c.name(), c.description(), c.publicRoom(), c.membersOnly(), c.moderated(),
                        c.passwordProtected(), c.password(), c.maxUsers(), c.nonAnonymous(), c.changeSubject(),
                        c.allowInvites(), c.allowPm(), c.archive(), room.subject(), room.subjectNick(), room.name());
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = conn.prepareStatement("INSERT INTO muc_rooms (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        Jdbc.bind(insert, room.name(), c.name(), c.description(), c.publicRoom(), c.membersOnly(),
                                c.moderated(), c.passwordProtected(), c.password(), c.maxUsers(), c.nonAnonymous(),
                                c.changeSubject(), c.allowInvites(), c.allowPm(), c.archive(), room.subject(),
                                room.subjectNick(), Timestamp.from(room.createdAt()));
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement clear = conn.prepareStatement("DELETE FROM muc_affiliations WHERE room = ?")) {
                Jdbc.bind(clear, room.name());
                clear.executeUpdate();
            }
            try (PreparedStatement add = conn.prepareStatement(
                    "INSERT INTO muc_affiliations (room, jid, affiliation, nick) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Affiliation> a : room.affiliations().entrySet()) {
                    Jdbc.bind(add, room.name(), a.getKey(), a.getValue().xmlValue(), room.nicks().get(a.getKey()));
                    add.addBatch();
                }
                add.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String name) {
        return jdbc.inTransaction(conn -> {
            try (PreparedStatement messages = conn.prepareStatement("DELETE FROM muc_messages WHERE room = ?");
                 PreparedStatement room = conn.prepareStatement("DELETE FROM muc_rooms WHERE name = ?")) {
                Jdbc.bind(messages, name);
                messages.executeUpdate();
                Jdbc.bind(room, name);
                return room.executeUpdate() > 0;
            }
        });
    }

    private static StoredRoom room(ResultSet rs, Map<String, Affiliation> affiliations, Map<String, String> nicks)
            throws SQLException {
        RoomConfig config = new RoomConfig(rs.getString("title"), rs.getString("description"), true,
                rs.getBoolean("public_room"), rs.getBoolean("members_only"), rs.getBoolean("moderated"),
                rs.getBoolean("password_protected"), rs.getString("password"), rs.getInt("max_users"),
                rs.getBoolean("non_anonymous"), rs.getBoolean("change_subject"), rs.getBoolean("allow_invites"),
                rs.getString("allow_pm"), rs.getBoolean("archive"));
        return new StoredRoom(rs.getString("name"), config, rs.getString("subject"), rs.getString("subject_nick"),
                affiliations, nicks, rs.getTimestamp("created_at").toInstant());
    }
}
