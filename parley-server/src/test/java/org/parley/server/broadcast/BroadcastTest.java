package org.parley.server.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.testing.Messages.body;
import static org.parley.server.testing.Messages.error;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

/** Broadcast IM through the XEP-0033 service at the domain. */
class BroadcastTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final String ADDR = "http://jabber.org/protocol/address";

    private CoreHarness harness;
    private TestSession alice;

    private void start(String... overrides) {
        harness = CoreHarness.start(List.of(overrides), new MessageModule(), new OfflineModule(), new BroadcastModule());
        for (String u : new String[] {"alice", "bob", "carol", "dave"}) {
            harness.createUser(u);
        }
        alice = online("alice", "a");
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

    private static List<Element> addresses(Stanza s) {
        return s.element().child("addresses", ADDR).orElseThrow().children("address", ADDR);
    }

    @Test
    void fansOutToOnlineAndOfflineRecipients() {
        start();
        TestSession bob = online("bob", "b");
        TestSession carol = online("carol", "c");
        alice.send("<message to='localhost' type='chat' id='bc'><body>all hands</body>"
                + "<addresses xmlns='" + ADDR + "'>"
                + "<address type='to' jid='bob@localhost'/><address type='cc' jid='carol@localhost'/>"
                + "<address type='bcc' jid='dave@localhost'/><address type='replyto' jid='alice@localhost'/>"
                + "</addresses></message>");

        Stanza toBob = bob.expect(body("all hands"));
        assertThat(toBob.to().toString()).isEqualTo("bob@localhost");
        assertThat(toBob.from().toString()).isEqualTo("alice@localhost/a");
        assertThat(addresses(toBob)).extracting(a -> a.attribute("type") + ":" + a.attribute("jid") + ":" + a.attribute("delivered"))
                .containsExactly("to:bob@localhost:true", "cc:carol@localhost:true", "replyto:alice@localhost:null");
        Stanza toCarol = carol.expect(body("all hands"));
        assertThat(toCarol.to().toString()).isEqualTo("carol@localhost");

        // dave is offline: stored, and delivered with the bcc he was sent under.
        TestSession dave = online("dave", "d");
        Stanza toDave = dave.expect(body("all hands"));
        assertThat(toDave.element().child("delay", Namespaces.DELAY)).isPresent();
        assertThat(addresses(toDave)).extracting(a -> a.attribute("type") + ":" + a.attribute("jid"))
                .contains("bcc:dave@localhost").doesNotContain("bcc:bob@localhost");
        alice.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void eachRecipientsFailureIsReportedSeparately() {
        start();
        TestSession bob = online("bob", "b");
        alice.send("<message to='localhost' type='chat' id='p'><body>hi</body><addresses xmlns='" + ADDR + "'>"
                + "<address type='to' jid='bob@localhost'/><address type='to' jid='nobody@localhost'/>"
                + "<address type='to' jid='carol@localhost' delivered='true'/></addresses></message>");
        bob.expect(body("hi"));
        Stanza err = alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertThat(err.from().toString()).isEqualTo("nobody@localhost");
        TestSession carol = online("carol", "c");
        carol.expectNothing(body("hi"), QUIET); // already marked delivered: never re-delivered
    }

    @Test
    void tooManyRecipientsIsRefusedBeforeAnythingIsSent() {
        start("broadcast.maxRecipients=2");
        TestSession bob = online("bob", "b");
        alice.send("<message to='localhost' id='many'><body>x</body><addresses xmlns='" + ADDR + "'>"
                + "<address type='to' jid='bob@localhost'/><address type='cc' jid='carol@localhost'/>"
                + "<address type='bcc' jid='dave@localhost'/></addresses></message>");
        Stanza err = alice.expect(error(StanzaErrorCondition.NOT_ACCEPTABLE));
        assertThat(err.id()).isEqualTo("many");
        bob.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void malformedAddressesAndTheFeature() {
        start();
        alice.send("<message to='localhost' id='u'><body>x</body><addresses xmlns='" + ADDR + "'>"
                + "<address type='to' uri='sip:bob@example.com'/></addresses></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.JID_MALFORMED)).id()).isEqualTo("u");
        alice.send("<message to='localhost' id='n'><body>x</body><addresses xmlns='" + ADDR + "'>"
                + "<address type='to' desc='Nobody'/></addresses></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.BAD_REQUEST)).id()).isEqualTo("n");
        assertThat(harness.core().features().serverFeatures()).contains(ADDR);
    }
}
