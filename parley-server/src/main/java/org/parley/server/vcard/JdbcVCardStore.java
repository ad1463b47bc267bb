package org.parley.server.vcard;

import java.util.Optional;
import org.parley.server.storage.Jdbc;

/** {@link VCardStore} on the vcards table; rows go with their user (ON DELETE CASCADE). */
public final class JdbcVCardStore implements VCardStore {

    private final Jdbc jdbc;

    public JdbcVCardStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> load(String username) {
        return jdbc.queryOne("SELECT vcard FROM vcards WHERE username = ?", rs -> rs.getString(1), username);
    }

    @Override
    public void save(String username, String vcardXml) {
        // UPDATE then INSERT rather than MERGE/ON CONFLICT: the same SQL on H2 and PostgreSQL.
        jdbc.inTransaction(c -> {
            try (var update = c.prepareStatement("UPDATE vcards SET vcard = ? WHERE username = ?")) {
                Jdbc.bind(update, vcardXml, username);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (var insert = c.prepareStatement("INSERT INTO vcards (username, vcard) VALUES (?, ?)")) {
                Jdbc.bind(insert, username, vcardXml);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String username) {
        return jdbc.update("DELETE FROM vcards WHERE username = ?", username) > 0;
    }
}
