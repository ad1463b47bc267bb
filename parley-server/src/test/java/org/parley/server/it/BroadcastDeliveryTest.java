package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.it.Clients.jid;

import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.address.packet.MultipleAddresses;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.parley.server.testing.TestServer;

/** Broadcast IM through the server's XEP-0033 service, as Smack's MultipleRecipientManager sends it. */
class BroadcastDeliveryTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().start();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.createUser(user);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reachesOnlineRecipientsAtOnceAndAnOfflineOneAtSignIn() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection bob = server.signIn("bob", "desk");
        XMPPTCPConnection carol = server.signIn("carol", "desk");
        Inbox bobInbox = Inbox.of(bob);
        Inbox carolInbox = Inbox.of(carol);
        Clients.available(bob);
        Clients.available(carol);
        assertThat(ServiceDiscoveryManager.getInstanceFor(alice)
                .serverSupportsFeature(MultipleAddresses.NAMESPACE)).isTrue();

        List<Jid> to = List.of(jid(bob), jid(carol), jid(server, "dave"));
        Message announcement = alice.getStanzaFactory().buildMessageStanza()
                .setBody("fire drill at noon")
                .build();
        org.jivesoftware.smackx.address.MultipleRecipientManager.send(alice, announcement, to, null, null);

        for (Inbox inbox : List.of(bobInbox, carolInbox)) {
            assertBroadcast(inbox.awaitBody("fire drill at noon"), jid(alice), to);
        }

        XMPPTCPConnection dave = server.connection(server.startTlsConfig("dave", "desk").build());
        Inbox daveInbox = Inbox.of(dave);
        dave.connect().login();
        Clients.available(dave);
        Message stored = daveInbox.awaitBody("fire drill at noon");
        assertBroadcast(stored, jid(alice), to);
        assertThat(DelayInformation.from(stored)).isNotNull();
    }

    /** Came from the sender through the service: it carries the to-addresses, each marked delivered. */
    private static void assertBroadcast(Message m, Jid sender, List<Jid> to) {
        assertThat((Object) m.getFrom().asBareJid()).isEqualTo(sender);
        MultipleAddresses addresses = m.getExtension(MultipleAddresses.class);
        assertThat(addresses).as("XEP-0033 header").isNotNull();
        List<MultipleAddresses.Address> listed = addresses.getAddressesOfType(MultipleAddresses.Type.to);
        assertThat(listed).extracting(a -> a.getJid().toString())
                .containsExactlyInAnyOrderElementsOf(to.stream().map(Jid::toString).toList());
        assertThat(listed).allMatch(MultipleAddresses.Address::isDelivered);
    }
}
