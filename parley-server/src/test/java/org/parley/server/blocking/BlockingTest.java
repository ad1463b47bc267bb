package org.parley.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.testing.Messages.body;
import static org.parley.server.testing.Messages.error;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.message.MessageModule;
import org.parley.server.offline.OfflineModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Messages;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** XEP-0191 blocking command through the real router. */
class BlockingTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private CoreHarness harness;
    private TestSession alice;
    private TestSession bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MessageModule(), new OfflineModule(), new BlockingModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = online("alice", "a");
        bob = online("bob", "b");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private TestSession online(String user, String resource) {
        TestSession s = harness.connect(user, resource);
        SimulatedPresence.available(harness, s, 0);
        return s;
    }

    private static Stanza iq(TestSession s, String id, String xml) {
        s.send("<iq type='" + (xml.startsWith("<blocklist") ? "get" : "set") + "' id='" + id + "'>" + xml + "</iq>");
        return s.expect(x -> x.isIq() && id.equals(x.id()));
    }

    private static List<String> items(Element e) {
        return e.children("item", Namespaces.BLOCKING).stream().map(i -> i.attribute("jid")).toList();
    }

    @Test
    void blockListGetBlockUnblockWithPushesToInterestedResources() {
        TestSession interested = online("alice", "tablet");
        TestSession uninterested = online("alice", "phone");
        Stanza empty = iq(interested, "l1", "<blocklist xmlns='urn:xmpp:blocking'/>");
        assertThat(items(empty.element().child("blocklist", Namespaces.BLOCKING).orElseThrow())).isEmpty();

        assertThat(iq(alice, "b1", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/>"
                + "<item jid='Mallory@Example.org'/></block>").type()).isEqualTo("result");
        Stanza push = interested.expect(s -> s.isIq() && s.element().child("block", Namespaces.BLOCKING).isPresent());
        assertThat(push.type()).isEqualTo("set");
        assertThat(items(push.element().child("block", Namespaces.BLOCKING).orElseThrow()))
                .containsExactly("bob@localhost", "mallory@example.org");
        uninterested.expectNothing(Stanza::isIq, QUIET);

        Stanza list = iq(alice, "l2", "<blocklist xmlns='urn:xmpp:blocking'/>");
        assertThat(items(list.element().child("blocklist", Namespaces.BLOCKING).orElseThrow()))
                .containsExactlyInAnyOrder("bob@localhost", "mallory@example.org");

        assertThat(iq(alice, "u1", "<unblock xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></unblock>").type())
                .isEqualTo("result");
        Stanza unpush = interested.expect(s -> s.isIq() && s.element().child("unblock", Namespaces.BLOCKING).isPresent());
        assertThat(items(unpush.element().child("unblock", Namespaces.BLOCKING).orElseThrow())).containsExactly("bob@localhost");

        assertThat(iq(alice, "u2", "<unblock xmlns='urn:xmpp:blocking'/>").type()).isEqualTo("result");
        Stanza all = interested.expect(s -> s.isIq() && s.element().child("unblock", Namespaces.BLOCKING)
                .map(u -> u.elements().isEmpty()).orElse(false));
        assertThat(all).isNotNull();
        assertThat(harness.core().jdbc().queryOne("SELECT COUNT(*) FROM blocklist", rs -> rs.getInt(1))).contains(0);
    }

    @Test
    void inboundFromABlockedContactLooksOffline() {
        iq(alice, "b", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></block>");
        bob.send("<message to='alice@localhost' type='chat' id='m'><body>let me in</body></message>");
        assertThat(bob.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("m");
        bob.send("<iq to='alice@localhost/a' type='get' id='q'><query xmlns='jabber:iq:version'/></iq>");
        assertThat(Stanzas.errorCondition(bob.expect(s -> "q".equals(s.id())))).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        bob.send("<presence to='alice@localhost/a'/>");
        alice.expectNothing(s -> s.isMessage() || s.isPresence() || "q".equals(s.id()), QUIET);
        bob.expectNothing(Stanza::isPresence, QUIET);
    }

    @Test
    void outboundToABlockedContactIsNotAcceptable() {
        iq(alice, "b", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></block>");
        alice.send("<message to='bob@localhost' type='chat' id='out'><body>hi</body></message>");
        Stanza err = alice.expect(error(StanzaErrorCondition.NOT_ACCEPTABLE));
        assertThat(err.id()).isEqualTo("out");
        assertThat(err.from().toString()).isEqualTo("bob@localhost");
        assertThat(err.element().child("error", Namespaces.CLIENT).orElseThrow()
                .child("blocked", Namespaces.BLOCKING_ERRORS)).isPresent();
        bob.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void blockingSendsUnavailablePresenceToTheContact() {
        iq(alice, "b", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost/b'/></block>");
        Stanza gone = bob.expect(Stanza::isPresence);
        assertThat(gone.type()).isEqualTo("unavailable");
        assertThat(gone.from().toString()).isEqualTo("alice@localhost/a");
    }

    @Test
    void offlineUserIsProtectedTooAndUnblockRestoresDelivery() {
        iq(alice, "b", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></block>");
        alice.disconnect();
        await().until(() -> harness.core().hubs().hub(alice.jid().asEntityBareJid()) == null);
        bob.send("<message to='alice@localhost' type='chat' id='off'><body>stored?</body></message>");
        assertThat(bob.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("off");
        assertThat(harness.core().jdbc().queryOne("SELECT COUNT(*) FROM offline_messages", rs -> rs.getInt(1))).contains(0);

        TestSession back = online("alice", "back");
        iq(back, "u", "<unblock xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></unblock>");
        bob.send("<message to='alice@localhost' type='chat'><body>now?</body></message>");
        back.expect(body("now?"));
    }

    @Test
    void badRequests() {
        assertThat(Stanzas.errorCondition(iq(alice, "e1", "<block xmlns='urn:xmpp:blocking'/>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(Stanzas.errorCondition(iq(alice, "e2", "<block xmlns='urn:xmpp:blocking'><item jid='a@b@c'/></block>")))
                .isEqualTo(StanzaErrorCondition.JID_MALFORMED);
        bob.send("<iq type='get' id='e3' to='alice@localhost'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
        assertThat(Stanzas.errorCondition(bob.expect(s -> "e3".equals(s.id())))).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(harness.core().features().serverFeatures()).contains("urn:xmpp:blocking");
    }

    @Test
    void blockListsSurviveARestartOfTheModule() {
        iq(alice, "b", "<block xmlns='urn:xmpp:blocking'><item jid='bob@localhost'/></block>");
        BlockLists reloaded = new BlockLists();
        reloaded.putAll(new JdbcBlockStore(harness.core().jdbc()).loadAll());
        assertThat(reloaded.of("alice")).containsExactly("bob@localhost");
    }
}
