package org.parley.server.privatedata;

import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Optional;
import org.parley.server.storage.Jdbc;

/** {@link PrivateStore} on the private_storage table; rows go with their user (ON DELETE CASCADE). */
public final class JdbcPrivateStore implements PrivateStore {

    private final Jdbc jdbc;

    public JdbcPrivateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> load(String username, String qname) {
        return jdbc.queryOne("SELECT payload FROM private_storage WHERE username = ? AND qname = ?",
                rs -> rs.getString(1), username, qname);
    }

    @Override
    public void save(String username, Map<String, String> xmlByQname) {
        // UPDATE then INSERT rather than MERGE/ON CONFLICT: the same SQL on H2 and PostgreSQL.
        jdbc.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE private_storage SET payload = ? WHERE username = ? AND qname = ?");
                 PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO private_storage (username, qname, payload) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : xmlByQname.entrySet()) {
                    Jdbc.bind(update, e.getValue(), username, e.getKey());
                    if (update.executeUpdate() == 0) {
                        Jdbc.bind(insert, username, e.getKey(), e.getValue());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
