package org.parley.server.it;

import static org.awaitility.Awaitility.await;

import java.util.Objects;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.TestServer;

/** What the end-to-end tests do with their Smack clients, in the words of the tests. */
final class Clients {

    private Clients() {
    }

    static EntityBareJid jid(TestServer server, String user) {
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@" + server.domain());
    }

    static EntityBareJid jid(XMPPTCPConnection connection) {
        return connection.getUser().asEntityBareJid();
    }

    /** Sends a chat message and returns it (its id lets a test find the error reply). */
    static Message chat(XMPPTCPConnection from, Jid to, String body) throws Exception {
        Message m = from.getStanzaFactory().buildMessageStanza()
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(body)
                .build();
        from.sendStanza(m);
        return m;
    }

    /**
     * Sends available presence (TestServer's clients do not send it at sign-in) and waits for the
     * server to reflect it (RFC 6121 §4.2.2, §4.4.2: the sending resource gets its own presence),
     * which it does once the resource counts as available. Without that wait a message sent by
     * another client right after could find the user unavailable and go to offline storage.
     */
    static void available(XMPPTCPConnection c, String status) throws Exception {
        Presence presence = c.getStanzaFactory().buildPresenceStanza()
                .ofType(Presence.Type.available)
                .setStatus(status)
                .build();
        StanzaFilter reflected = new AndFilter(StanzaTypeFilter.PRESENCE, FromMatchesFilter.createFull(c.getUser()),
                s -> ((Presence) s).isAvailable() && Objects.equals(status, ((Presence) s).getStatus()));
        c.createStanzaCollectorAndSend(reflected, presence).nextResultOrThrow();
    }

    static void available(XMPPTCPConnection c) throws Exception {
        available(c, null);
    }

    /**
     * A mutual subscription through Smack's roster: {@code a} asks, {@code b} approves and asks
     * back, {@code a} approves; returns when both rosters say 'both'. Both must have sent available
     * presence: a request to a user with no available resource waits for one (RFC 6121 §3.1.3).
     */
    static void befriend(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        EntityBareJid aJid = jid(a);
        EntityBareJid bJid = jid(b);
        Roster ra = Roster.getInstanceFor(a);
        Roster rb = Roster.getInstanceFor(b);
        rb.addSubscribeListener((from, p) -> from.asBareJid().equals(aJid)
                ? SubscribeAnswer.ApproveAndAlsoRequestIfRequired : null);
        ra.addSubscribeListener((from, p) -> from.asBareJid().equals(bJid) ? SubscribeAnswer.Approve : null);
        ra.createItemAndRequestSubscription(bJid, bJid.getLocalpart().toString(), null);
        awaitSubscription(ra, bJid, ItemType.both);
        awaitSubscription(rb, aJid, ItemType.both);
    }

    static void awaitSubscription(Roster roster, BareJid contact, ItemType type) {
        await().atMost(Inbox.WAIT).until(() -> {
            RosterEntry e = roster.getEntry(contact);
            return e != null && e.getType() == type && !e.isSubscriptionPending();
        });
    }
}
