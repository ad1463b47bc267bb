package org.parley.server.carbons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.testing.Messages.body;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.message.MessageModule;
import org.parley.server.offline.OfflineModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** XEP-0280 message carbons. */
class CarbonsTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private CoreHarness harness;
    private TestSession a1;
    private TestSession a2;
    private TestSession a3;
    private TestSession bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MessageModule(), new OfflineModule(), new CarbonsModule());
        harness.createUser("alice");
        harness.createUser("bob");
        a1 = online("alice", "a1");
        a2 = online("alice", "a2");
        a3 = online("alice", "a3");
        bob = online("bob", "b");
        enable(a1);
        enable(a2);
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

    private static void enable(TestSession s) {
        s.send("<iq type='set' id='on'><enable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertThat(s.expect(x -> "on".equals(x.id())).type()).isEqualTo("result");
    }

    private static Predicate<Stanza> carbon(String direction, String text) {
        return s -> s.isMessage() && s.element().child(direction, Namespaces.CARBONS)
                .flatMap(w -> w.child("forwarded", Namespaces.FORWARD))
                .flatMap(f -> f.child("message", Namespaces.CLIENT))
                .map(m -> text.equals(m.childText("body", Namespaces.CLIENT)))
                .orElse(false);
    }

    private static Predicate<Stanza> anyCarbon() {
        return s -> s.element().childInNamespace(Namespaces.CARBONS).isPresent();
    }

    @Test
    void sentMessagesAreCopiedToTheOtherEnabledResources() {
        a1.send("<message to='bob@localhost' type='chat'><body>s1</body></message>");
        bob.expect(body("s1"));
        Stanza copy = a2.expect(carbon("sent", "s1"));
        assertThat(copy.from().toString()).isEqualTo("alice@localhost");
        assertThat(copy.to().toString()).isEqualTo("alice@localhost/a2");
        assertThat(copy.type()).isEqualTo("chat");
        Element original = copy.element().child("sent", Namespaces.CARBONS).orElseThrow()
                .child("forwarded", Namespaces.FORWARD).orElseThrow().child("message", Namespaces.CLIENT).orElseThrow();
        assertThat(original.attribute("from")).isEqualTo("alice@localhost/a1");
        assertThat(original.attribute("to")).isEqualTo("bob@localhost");
        a1.expectNothing(anyCarbon(), QUIET);
        a3.expectNothing(anyCarbon(), QUIET);
    }

    @Test
    void receivedMessagesAreCopiedToEnabledResourcesThatDidNotGetThem() {
        bob.send("<message to='alice@localhost/a1' type='chat'><body>r1</body></message>");
        a1.expect(body("r1"));
        Stanza copy = a2.expect(carbon("received", "r1"));
        assertThat(copy.from().toString()).isEqualTo("alice@localhost");
        a1.expectNothing(anyCarbon(), QUIET);
        a3.expectNothing(Stanza::isMessage, QUIET);
    }

    @Test
    void forkedMessagesNeedNoCarbonsButLockedOnesDo() {
        bob.send("<message to='alice@localhost' type='chat'><body>fork</body></message>");
        a1.expect(body("fork"));
        a2.expect(body("fork"));
        a3.expect(body("fork"));
        a2.expectNothing(anyCarbon(), QUIET);
        // a1 replies: bob's next chat goes to a1 only, and a2 gets it as a carbon.
        a1.send("<message to='bob@localhost' type='chat'><body>reply</body></message>");
        bob.expect(body("reply"));
        bob.send("<message to='alice@localhost' type='chat'><body>locked</body></message>");
        a1.expect(body("locked"));
        a2.expect(carbon("received", "locked"));
        a3.expectNothing(body("locked"), QUIET);
    }

    @Test
    void privateAndNoCopyMessagesAreNotCopiedAndPrivateIsStripped() {
        a1.send("<message to='bob@localhost' type='chat'><body>p1</body><private xmlns='urn:xmpp:carbons:2'/></message>");
        Stanza got = bob.expect(body("p1"));
        assertThat(got.element().child("private", Namespaces.CARBONS)).isEmpty();
        a1.send("<message to='bob@localhost' type='chat'><body>p2</body><no-copy xmlns='urn:xmpp:hints'/></message>");
        bob.expect(body("p2"));
        bob.send("<message to='alice@localhost/a1' type='chat'><body>p3</body><private xmlns='urn:xmpp:carbons:2'/></message>");
        a1.expect(body("p3"));
        a2.expectNothing(anyCarbon(), QUIET);
    }

    @Test
    void onlyImMessagesAreCopied() {
        a1.send("<message to='bob@localhost/b' type='headline'><body>h</body></message>");
        a1.send("<message to='bob@localhost/b'><thread>t</thread></message>");
        bob.expect(body("h"));
        a1.send("<message to='bob@localhost/b'><body>normal with body</body></message>");
        a2.expect(carbon("sent", "normal with body"));
        a2.expectNothing(carbon("sent", "h"), QUIET);
        assertThat(a2.drain()).noneMatch(anyCarbon());
    }

    @Test
    void disablingStopsCopies() {
        a2.send("<iq type='set' id='off'><disable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertThat(a2.expect(x -> "off".equals(x.id())).type()).isEqualTo("result");
        a1.send("<message to='bob@localhost' type='chat'><body>d</body></message>");
        bob.expect(body("d"));
        a2.expectNothing(anyCarbon(), QUIET);
    }

    @Test
    void getIsABadRequestAndTheFeatureIsAdvertised() {
        a1.send("<iq type='get' id='g'><enable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertThat(Stanzas.errorCondition(a1.expect(x -> "g".equals(x.id())))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(harness.core().features().serverFeatures()).contains("urn:xmpp:carbons:2");
    }
}
