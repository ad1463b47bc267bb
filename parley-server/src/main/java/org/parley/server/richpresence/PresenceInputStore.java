package org.parley.server.richpresence;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import org.parley.server.storage.Jdbc;

/**
 * The persisted phone-line and application states (table {@code presence_inputs}). Blocking:
 * called on the blocking pool by {@link InputPersistence}, and once at start.
 */
final class PresenceInputStore {

    static final String PHONE = "phone";
    static final String APP = "app";

    /** One stored input; {@code state} null in a write means delete. */
    record Row(String jid, String kind, String name, String state, String status) {
    }

    private final Jdbc jdbc;

    PresenceInputStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> loadAll() {
        return jdbc.query("SELECT jid, kind, name, state, status FROM presence_inputs",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Applies writes and whole-user deletions in one transaction. */
    void apply(Collection<Row> writes, Collection<String> forgottenJids) {
        // UPDATE then INSERT rather than MERGE/ON CONFLICT: the same SQL on H2 and PostgreSQL.
        jdbc.inTransaction(c -> {
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM presence_inputs WHERE jid = ?");
                 PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM presence_inputs WHERE jid = ? AND kind = ? AND name = ?");
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE presence_inputs SET state = ?, status = ? WHERE jid = ? AND kind = ? AND name = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO presence_inputs (jid, kind, name, state, status) VALUES (?, ?, ?, ?, ?)")) {
                for (String jid : forgottenJids) {
                    Jdbc.bind(forget, jid);
                    forget.executeUpdate();
                }
                for (Row r : writes) {
                    if (r.state() == null) {
                        Jdbc.bind(delete, r.jid(), r.kind(), r.name());
                        delete.executeUpdate();
                        continue;
                    }
                    Jdbc.bind(update, r.state(), r.status(), r.jid(), r.kind(), r.name());
                    if (update.executeUpdate() == 0) {
                        Jdbc.bind(insert, r.jid(), r.kind(), r.name(), r.state(), r.status());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
