package org.parley.server.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.testing.Messages.body;
import static org.parley.server.testing.Messages.error;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.message.MessageModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Messages;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0160 offline messages through the real router, with XEP-0203 delay stamps. */
class OfflineModuleTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private CoreHarness harness;
    private TestSession alice;

    private void start(String... overrides) {
        harness = CoreHarness.start(List.of(overrides), new MessageModule(), new OfflineModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
        SimulatedPresence.available(harness, alice, 0);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private TestSession bobOnline(String resource, int priority) {
        TestSession bob = harness.connect("bob", resource);
        SimulatedPresence.available(harness, bob, priority);
        return bob;
    }

    private void send(String text) {
        alice.send("<message to='bob@localhost' type='chat'><body>" + text + "</body></message>");
    }

    @Test
    void storedMessagesArriveInOrderWithDelayStampsAtTheNextAvailablePresence() {
        start();
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 1; i <= 5; i++) {
            send("m" + i);
        }
        alice.send("<message to='bob@localhost/gone'><body>normal to a full JID</body></message>");
        alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)); // normal to a missing resource bounces (§8.5.3.2.1)
        // The count reflects all five before bob comes online.
        await().until(() -> countFor("bob") == 5);

        TestSession bob = bobOnline("phone", 0);
        for (int i = 1; i <= 5; i++) {
            Stanza m = bob.expect(Stanza::isMessage);
            assertThat(m.element().childText("body", Namespaces.CLIENT)).isEqualTo("m" + i);
            Element delay = m.element().child("delay", Namespaces.DELAY).orElseThrow();
            assertThat(delay.attribute("from")).isEqualTo("localhost");
            assertThat(Instant.parse(delay.attribute("stamp"))).isAfter(before);
            assertThat(m.from().toString()).isEqualTo("alice@localhost/a");
        }
        await().until(() -> countFor("bob") == 0);
        // Delivered once: another resource coming online gets nothing.
        TestSession laptop = bobOnline("laptop", 0);
        laptop.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void negativePriorityDoesNotTriggerDelivery() {
        start();
        send("wait for me");
        await().until(() -> countFor("bob") == 1);
        TestSession hidden = bobOnline("hidden", -1);
        hidden.expectNothing(Messages.anyMessage(), QUIET);
        TestSession visible = bobOnline("visible", 0);
        visible.expect(body("wait for me"));
    }

    @Test
    void fullStorageBouncesToTheSender() {
        start("offline.maxMessagesPerUser=2");
        alice.send("<message to='bob@localhost' type='chat' id='1'><body>1</body></message>");
        alice.send("<message to='bob@localhost' type='chat' id='2'><body>2</body></message>");
        await().until(() -> countFor("bob") == 2);
        alice.send("<message to='bob@localhost' type='chat' id='3'><body>3</body></message>");
        Stanza bounced = alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertThat(bounced.id()).isEqualTo("3");
        assertThat(bounced.from().toString()).isEqualTo("bob@localhost");
        TestSession bob = bobOnline("b", 0);
        bob.expect(body("1"));
        bob.expect(body("2"));
        bob.expectNothing(body("3"), QUIET);
    }

    @Test
    void disabledStorageBounces() {
        start("offline.enabled=false");
        alice.send("<message to='bob@localhost' type='chat' id='d'><body>hi</body></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("d");
        assertThat(harness.core().features().serverFeatures()).doesNotContain(OfflineModule.FEATURE);
    }

    @Test
    void advertisesMsgoffline() {
        start();
        assertThat(harness.core().features().serverFeatures()).contains("msgoffline");
    }

    @Test
    void hintsAndContentDecideWhatIsStored() {
        start();
        alice.send("<message to='bob@localhost' type='chat' id='ns'><body>secret</body>"
                + "<no-store xmlns='urn:xmpp:hints'/></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("ns");
        // A chat state alone is neither stored nor bounced; a receipt with a store hint is stored.
        alice.send("<message to='bob@localhost' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        alice.send("<message to='bob@localhost' type='chat' id='r'><received xmlns='urn:xmpp:receipts' id='x'/>"
                + "<store xmlns='urn:xmpp:hints'/></message>");
        await().until(() -> countFor("bob") == 1);
        alice.expectNothing(Messages.anyMessage(), QUIET);
        TestSession bob = bobOnline("b", 0);
        assertThat(bob.expect(Stanza::isMessage).id()).isEqualTo("r");
    }

    @Test
    void storageFailureTellsTheSenderToWaitAndLosesNothing() {
        start();
        harness.core().jdbc().update("ALTER TABLE offline_messages RENAME TO offline_messages_away");
        alice.send("<message to='bob@localhost' type='chat' id='f'><body>during outage</body></message>");
        Stanza bounced = alice.expect(error(StanzaErrorCondition.INTERNAL_SERVER_ERROR));
        assertThat(bounced.id()).isEqualTo("f");
        assertThat(bounced.element().child("error", Namespaces.CLIENT).orElseThrow().attribute("type")).isEqualTo("wait");
        harness.core().jdbc().update("ALTER TABLE offline_messages_away RENAME TO offline_messages");
        send("after outage");
        await().until(() -> countFor("bob") == 1);
        bobOnline("b", 0).expect(body("after outage"));
    }

    private int countFor(String user) {
        return harness.core().jdbc().queryOne("SELECT COUNT(*) FROM offline_messages WHERE username = ?",
                rs -> rs.getInt(1), user).orElse(0);
    }
}
