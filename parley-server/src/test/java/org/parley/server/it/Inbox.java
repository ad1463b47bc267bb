package org.parley.server.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;

/**
 * Everything one Smack connection receives, in arrival order (a synchronous listener, which Smack
 * calls in order), with waits for the tests. {@link #sync()} is the barrier that lets a test
 * assert that something did <em>not</em> arrive without sleeping: it echoes a message through
 * the server to this very connection, so anything the server queued for it earlier has arrived.
 */
final class Inbox {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final XMPPTCPConnection connection;
    private final List<Stanza> received = new CopyOnWriteArrayList<>();

    private Inbox(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Starts recording; do it before the stanzas of interest can arrive (e.g. before sign-in). */
    static Inbox of(XMPPTCPConnection connection) {
        Inbox inbox = new Inbox(connection);
        connection.addSyncStanzaListener(inbox.received::add, s -> s instanceof Message || s instanceof Presence);
        return inbox;
    }

    XMPPTCPConnection connection() {
        return connection;
    }

    /** Non-error messages with a body, in arrival order (sync echoes left out). */
    List<Message> messages() {
        return received.stream()
                .filter(s -> s instanceof Message m && m.getType() != Message.Type.error && m.getBody() != null
                        && !m.getBody().startsWith(SYNC_PREFIX))
                .map(Message.class::cast)
                .toList();
    }

    List<String> bodies() {
        return messages().stream().map(Message::getBody).toList();
    }

    List<Message> errors() {
        return received.stream()
                .filter(s -> s instanceof Message m && m.getType() == Message.Type.error)
                .map(Message.class::cast)
                .toList();
    }

    List<Presence> presencesFrom(BareJid contact) {
        return received.stream()
                .filter(s -> s instanceof Presence p && p.getFrom() != null && p.getFrom().asBareJid().equals(contact))
                .map(Presence.class::cast)
                .toList();
    }

    /** Waits for a message with this body and returns it. */
    Message awaitBody(String body) {
        return awaitMessage(m -> body.equals(m.getBody()));
    }

    Message awaitMessage(Predicate<Message> match) {
        await().atMost(WAIT).until(() -> messages().stream().anyMatch(match));
        return messages().stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits for an error message whose id is {@code id}. */
    Message awaitError(String id) {
        await().atMost(WAIT).until(() -> errors().stream().anyMatch(m -> id.equals(m.getStanzaId())));
        return errors().stream().filter(m -> id.equals(m.getStanzaId())).findFirst().orElseThrow();
    }

    Presence awaitPresence(Predicate<Presence> match) {
        await().atMost(WAIT).until(() -> received.stream().anyMatch(s -> s instanceof Presence p && match.test(p)));
        return received.stream().filter(s -> s instanceof Presence p && match.test(p)).map(Presence.class::cast)
                .findFirst().orElseThrow();
    }

    /** Returns once every stanza the server queued for this connection before now has been recorded. */
    void sync() throws Exception {
        String marker = SYNC_PREFIX + UUID.randomUUID();
        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                .to(connection.getUser())
                .setBody(marker)
                .build());
        await().atMost(WAIT).until(() -> received.stream()
                .anyMatch(s -> s instanceof Message m && marker.equals(m.getBody())));
    }

    private static final String SYNC_PREFIX = "inbox-sync-";
}
