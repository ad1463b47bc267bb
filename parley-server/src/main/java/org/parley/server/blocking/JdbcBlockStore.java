package org.parley.server.blocking;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.parley.server.storage.Jdbc;

/** {@link BlockStore} on the blocklist table; the same SQL on H2 and PostgreSQL. */
public final class JdbcBlockStore implements BlockStore {

    private final Jdbc jdbc;

    public JdbcBlockStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Set<String>> loadAll() {
        Map<String, Set<String>> out = new HashMap<>();
        jdbc.query("SELECT username, blocked FROM blocklist ORDER BY username, blocked", rs -> {
            out.computeIfAbsent(rs.getString(1), u -> new LinkedHashSet<>()).add(rs.getString(2));
            return null;
        });
        return out;
    }

    @Override
    public Set<String> load(String username) {
        return new LinkedHashSet<>(jdbc.query("SELECT blocked FROM blocklist WHERE username = ? ORDER BY blocked",
                rs -> rs.getString(1), username));
    }

    @Override
    public void add(String username, Collection<String> jids) {
        jdbc.inTransaction(c -> {
            // Insert-if-absent in plain SQL, so blocking an already blocked JID is not an error on either database.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO blocklist (username, blocked) SELECT ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM blocklist WHERE username = ? AND blocked = ?)")) {
                for (String jid : jids) {
                    Jdbc.bind(ps, username, jid, username, jid);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void remove(String username, Collection<String> jids) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM blocklist WHERE username = ? AND blocked = ?")) {
                for (String jid : jids) {
                    Jdbc.bind(ps, username, jid);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void clear(String username) {
        jdbc.update("DELETE FROM blocklist WHERE username = ?", username);
    }
}
