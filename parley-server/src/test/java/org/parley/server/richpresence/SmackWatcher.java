package org.parley.server.richpresence;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What a real Smack client sees of its contacts: every presence it receives is counted and the
 * latest one per full JID kept, so a test can wait for "alice/desk shows dnd 'In a meeting'".
 */
final class SmackWatcher {

    private final XMPPTCPConnection connection;
    private final Map<String, Presence> latest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    SmackWatcher(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.addAsyncStanzaListener(stanza -> {
            Presence p = (Presence) stanza;
            if (p.getFrom() != null && (p.getType() == Presence.Type.available || p.getType() == Presence.Type.unavailable)) {
                String from = p.getFrom().toString();
                latest.put(from, p);
                counts.computeIfAbsent(p.getFrom().asBareJid().toString(), k -> new AtomicInteger()).incrementAndGet();
            }
        }, StanzaTypeFilter.PRESENCE);
    }

    /** Subscribes to {@code contact}'s presence; the contact's clients must approve (Smack's accept_all). */
    void subscribeTo(XMPPTCPConnection contact) throws Exception {
        Roster.getInstanceFor(connection).createItemAndRequestSubscription(
                JidCreate.bareFrom(contact.getUser().asBareJid()), null, null);
    }

    /** Waits until the latest presence from {@code fullJid} is available with this show (null: none) and status. */
    void awaitShows(String fullJid, String show, String status) {
        Awaitility.await().alias(fullJid + " shows " + show + " '" + status + "' (latest: " + latest + ")")
                .atMost(Duration.ofSeconds(10)).until(() -> {
            Presence p = latest.get(fullJid);
            return p != null && p.getType() == Presence.Type.available
                    && Objects.equals(show, p.getMode() == Presence.Mode.available ? null : p.getMode().toString())
                    && Objects.equals(status, p.getStatus());
        });
    }

    /** Waits until the latest presence from {@code fullJid} is unavailable. */
    void awaitGone(String fullJid) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            Presence p = latest.get(fullJid);
            return p != null && p.getType() == Presence.Type.unavailable;
        });
    }

    /** How many available/unavailable presences arrived from any resource of {@code bareJid}. */
    int count(String bareJid) {
        AtomicInteger n = counts.get(bareJid);
        return n == null ? 0 : n.get();
    }
}
