package org.parley.server.disco;

import org.parley.server.account.AccountNames;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.storage.Jdbc;

/**
 * Whether a requester may receive an account's presence: the account's roster holds the
 * requester with subscription "from" or "both" (RFC 6121 §3). XEP-0030 §8 ties disclosure of an
 * account's disco information to exactly that. Blocking: call from the blocking pool.
 *
 * <p>Reads the core schema's roster_items table (V1) directly rather than through the roster
 * module, because modules do not call each other; the row's existence also proves the account exists.
 */
final class PresenceAuthorization {

    private final Jdbc jdbc;

    private final AccountNames names;

    PresenceAuthorization(Jdbc jdbc, AccountNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    boolean mayReceivePresence(EntityBareJid account, BareJid requester) {
        return jdbc.queryOne("SELECT subscription FROM roster_items WHERE username = ? AND contact = ?"
                        + " AND subscription IN ('from', 'both')",
                rs -> rs.getString(1), names.of(account), requester.toString()).isPresent();
    }
}
