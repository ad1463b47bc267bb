package org.parley.server.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.core.Domains;
import org.parley.server.storage.Jdbc;

/**
 * Served domains in the database (table im_domains),
 * plus the system-managed domains, which are derived from the account names themselves (a
 * user of a non-default domain is named by its bare JID), so they can never go stale. Every
 * method blocks: call it from the blocking pool or before the server serves.
 */
public final class DomainStore {

    private final Jdbc jdbc;

    public DomainStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts the stored domains into {@code domains} (at start-up, and in the CLI without a server). */
    public void loadInto(Domains domains) {
        managed().forEach(domains::addManaged);
        domains.addSystem(systemDomains());
    }

    public List<DomainBareJid> managed() {
        return jdbc.query("SELECT name FROM im_domains ORDER BY name", rs -> JidCreate.domainBareFromOrThrowUnchecked(rs.getString(1)));
    }

    /** False when the domain is stored already. */
    public boolean add(DomainBareJid domain, Instant now) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM im_domains WHERE name = ?")) {
                ps.setString(1, domain.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO im_domains (name, created_at) VALUES (?, ?)")) {
                Jdbc.bind(ps, domain.toString(), Timestamp.from(now));
                ps.executeUpdate();
            }
            return true;
        });
    }

    public boolean remove(DomainBareJid domain) {
        return jdbc.update("DELETE FROM im_domains WHERE name = ?", domain.toString()) > 0;
    }

    /** How many accounts live in {@code domain} (never the default domain: its names carry no domain). */
    public int users(DomainBareJid domain) {
        return jdbc.queryOne("SELECT COUNT(*) FROM users WHERE username LIKE ?", rs -> rs.getInt(1),
                "%@" + domain).orElse(0);
    }

    /** The domains of accounts named by a bare JID. */
    public Set<DomainBareJid> systemDomains() {
        Set<String> names = new TreeSet<>(jdbc.query(
                "SELECT DISTINCT SUBSTRING(username FROM POSITION('@' IN username) + 1) FROM users "
                        + "WHERE POSITION('@' IN username) > 0", rs -> rs.getString(1)));
        Set<DomainBareJid> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(JidCreate.domainBareFromOrThrowUnchecked(n)));
        return out;
    }
}
