package org.parley.server.addressing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.parley.server.storage.Jdbc;

/**
 * Where the address scheme of the stored JIDs is recorded (table server_settings, V32), and how
 * many users it governs. Blocking: call before the server serves, or from the blocking pool.
 */
public final class AddressingStore {

    static final String SCHEME = "addressing.scheme";

    private final Jdbc jdbc;

    public AddressingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The recorded scheme, or empty when none was recorded yet (a database from before V32, or a new one). */
    public Optional<AddressScheme> recorded() {
        return jdbc.queryOne("SELECT setting_value FROM server_settings WHERE name = ?", rs -> rs.getString(1), SCHEME)
                .map(AddressScheme::parse);
    }

    public void record(AddressScheme scheme) {
        jdbc.inTransaction(c -> {
            record(c, scheme);
            return null;
        });
    }

    /** Records {@code scheme} inside the caller's transaction. */
    static void record(Connection c, AddressScheme scheme) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM server_settings WHERE name = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO server_settings (name, setting_value) VALUES (?, ?)")) {
            Jdbc.bind(del, SCHEME);
            del.executeUpdate();
            Jdbc.bind(ins, SCHEME, scheme.configName());
            ins.executeUpdate();
        }
    }

    /**
     * Users whose address the scheme decides: those from the directory. Accounts an administrator
     * or in-band registration made are named explicitly and keep their address under either scheme.
     */
    public int directoryUsers() {
        return jdbc.queryOne("SELECT COUNT(*) FROM users WHERE source = 'ldap'", rs -> rs.getInt(1)).orElse(0);
    }
}
