package org.parley.server.muc.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.parley.server.storage.Jdbc;

/**
 * {@link RoomArchive} on the muc_messages table (V10). Full-text search uses PostgreSQL's own
 * text search ({@code to_tsvector @@ plainto_tsquery}, the language-neutral 'simple'
 * configuration, so no stemming surprises across languages), served by the GIN index of
 * {@code db/vendor/postgresql/V12} whose expression the query repeats exactly; on other engines
 * (H2) every word must occur in the body, case-insensitively, which is portable and good enough
 * for a small archive.
 */
public final class JdbcRoomArchive implements RoomArchive {

    private static final String COLUMNS = "seq, stanza_id, room, sent_at, nick, sender_jid, body, stanza";

    private final Jdbc jdbc;
    private volatile Boolean postgres;

    public JdbcRoomArchive(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(ArchivedMessage m) {
        jdbc.update("INSERT INTO muc_messages (stanza_id, room, sent_at, nick, sender_jid, body, stanza) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.room(), Timestamp.from(m.sentAt()), m.nick(), m.senderJid(), m.body(), m.stanza());
    }

    @Override
    public List<ArchivedMessage> latest(String room, int count) {
        List<ArchivedMessage> newestFirst = jdbc.query("SELECT " + COLUMNS
                + " FROM muc_messages WHERE room = ? ORDER BY seq DESC LIMIT ?", JdbcRoomArchive::message, room, count);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public ArchivePage query(ArchiveQuery q) {
        StringBuilder where = new StringBuilder(" WHERE room = ?");
        List<Object> params = new ArrayList<>(List.of(q.room()));
        if (q.start() != null) {
            where.append(" AND sent_at >= ?");
            params.add(Timestamp.from(q.start()));
        }
        if (q.end() != null) {
            where.append(" AND sent_at <= ?");
            params.add(Timestamp.from(q.end()));
        }
        if (q.nick() != null) {
            where.append(" AND nick = ?");
            params.add(q.nick());
        }
        if (q.senderJid() != null) {
            where.append(" AND sender_jid = ?");
            params.add(q.senderJid());
        }
        if (q.text() != null && !q.text().isBlank()) {
            textFilter(q.text(), where, params);
        }
        int count = jdbc.queryOne("SELECT COUNT(*) FROM muc_messages" + where, rs -> rs.getInt(1), params.toArray())
                .orElse(0);
        boolean backwards = q.before() != null || q.lastPage();
        StringBuilder page = new StringBuilder(where);
        List<Object> pageParams = new ArrayList<>(params);
        if (q.after() != null) {
            page.append(" AND seq > ?");
            pageParams.add(seqOf(q.room(), q.after()));
        }
        if (q.before() != null) {
            page.append(" AND seq < ?");
            pageParams.add(seqOf(q.room(), q.before()));
        }
        pageParams.add(q.max() + 1);
        List<ArchivedMessage> rows = jdbc.query("SELECT " + COLUMNS + " FROM muc_messages" + page
                + " ORDER BY seq " + (backwards ? "DESC" : "ASC") + " LIMIT ?", JdbcRoomArchive::message, pageParams.toArray());
        boolean complete = rows.size() <= q.max();
        List<ArchivedMessage> messages = new ArrayList<>(rows.subList(0, Math.min(q.max(), rows.size())));
        if (backwards) {
            Collections.reverse(messages);
        }
        return new ArchivePage(messages, complete, count);
    }

    private void textFilter(String text, StringBuilder where, List<Object> params) {
        if (isPostgres()) {
            where.append(" AND to_tsvector('simple', COALESCE(body, '')) @@ plainto_tsquery('simple', ?)");
            params.add(text);
            return;
        }
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            where.append(" AND LOWER(body) LIKE ? ESCAPE '\\'");
            params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    private long seqOf(String room, String id) {
        return jdbc.queryOne("SELECT seq FROM muc_messages WHERE room = ? AND stanza_id = ?", rs -> rs.getLong(1), room, id)
                .orElseThrow(() -> new UnknownArchiveId(id));
    }

    private boolean isPostgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = jdbc.inTransaction(c -> c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = pg;
        }
        return pg;
    }

    private static ArchivedMessage message(ResultSet rs) throws SQLException {
        return new ArchivedMessage(rs.getString("stanza_id"), rs.getString("room"), rs.getTimestamp("sent_at").toInstant(),
                rs.getString("nick"), rs.getString("sender_jid"), rs.getString("body"), rs.getString("stanza"));
    }
}
