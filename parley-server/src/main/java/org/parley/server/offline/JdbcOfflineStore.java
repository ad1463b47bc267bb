package org.parley.server.offline;

import org.parley.server.account.AccountNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.storage.Jdbc;
import org.parley.xml.ElementParser;
import org.parley.xml.InvalidStanzaException;
import org.parley.xml.Stanza;
import org.parley.xml.XmlStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link OfflineStore} on the offline_messages table; the same SQL on H2 and PostgreSQL. */
public final class JdbcOfflineStore implements OfflineStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcOfflineStore.class);
    private static final int DELETE_BATCH = 100;
    /** The stanza column's size; a message over the c2s stanza limit never gets here. */
    private static final int MAX_STORED_CHARS = 1_000_000;

    private final Jdbc jdbc;

    private final AccountNames names;

    public JdbcOfflineStore(Jdbc jdbc, AccountNames names) {
        this.names = names;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome store(EntityBareJid user, Stanza message, Instant storedAt, int maxMessages) {
        String username = names.of(user);
        return jdbc.inTransaction(c -> {
            // Locking the user's row serialises concurrent stores for one user, so the cap holds exactly.
            try (PreparedStatement lock = c.prepareStatement("SELECT username FROM users WHERE username = ? FOR UPDATE")) {
                lock.setString(1, username);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return Outcome.NO_SUCH_USER;
                    }
                }
            }
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM offline_messages WHERE username = ?")) {
                count.setString(1, username);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= maxMessages) {
                        return Outcome.FULL;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO offline_messages (username, stanza, stored_at) VALUES (?, ?, ?)")) {
                Jdbc.bind(insert, username, message.element().toXml(), Timestamp.from(storedAt));
                insert.executeUpdate();
            }
            return Outcome.STORED;
        });
    }

    @Override
    public List<StoredMessage> load(EntityBareJid user) {
        return jdbc.query("SELECT id, stanza FROM offline_messages WHERE username = ? ORDER BY id",
                rs -> new StoredMessage(rs.getLong(1), read(rs.getLong(1), rs.getString(2))),
                names.of(user)).stream().filter(m -> m.message() != null).toList();
    }

    /** A row that no longer parses is logged and skipped (left in the table for an operator), never a reason to stop delivery. */
    private static Stanza read(long id, String xml) {
        try {
            // Read back with the network's hardened parser: a stored row is as safe as a received stanza.
            return Stanza.parse(ElementParser.parse(xml, MAX_STORED_CHARS * 4));
        } catch (XmlStreamException | InvalidStanzaException e) {
            log.error("offline message {} is unreadable and is skipped: {}", id, e.getMessage());
            return null;
        }
    }

    @Override
    public void delete(EntityBareJid user, List<Long> ids) {
        String username = names.of(user);
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            Object[] params = new Object[batch.size() + 1];
            params[0] = username;
            for (int i = 0; i < batch.size(); i++) {
                params[i + 1] = batch.get(i);
            }
            jdbc.update("DELETE FROM offline_messages WHERE username = ? AND id IN (" + marks + ")", params);
        }
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryOne("SELECT 1 FROM offline_messages LIMIT 1", rs -> rs.getInt(1)).isEmpty();
    }

    @Override
    public int count(EntityBareJid user) {
        return jdbc.queryOne("SELECT COUNT(*) FROM offline_messages WHERE username = ?",
                rs -> rs.getInt(1), names.of(user)).orElse(0);
    }
}
