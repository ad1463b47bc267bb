package org.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.testing.Messages.body;
import static org.parley.server.testing.Messages.error;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.offline.OfflineModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Messages;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** RFC 6121 §8.5 delivery rules for messages to local users. */
class MessageRoutingTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private CoreHarness harness;
    private TestSession alice;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MessageModule(), new OfflineModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
        SimulatedPresence.available(harness, alice, 0);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private TestSession bob(String resource, int priority) {
        TestSession s = harness.connect("bob", resource);
        SimulatedPresence.available(harness, s, priority);
        return s;
    }

    @Test
    void normalToBareJidGoesToTheHighestPriorityResources() {
        TestSession low = bob("low", 1);
        TestSession high1 = bob("high1", 5);
        TestSession high2 = bob("high2", 5);
        alice.send("<message to='bob@localhost'><body>n1</body></message>");
        high1.expect(body("n1"));
        high2.expect(body("n1"));
        low.expectNothing(body("n1"), QUIET);
    }

    @Test
    void headlineToBareJidGoesToEveryNonNegativeResource() {
        TestSession one = bob("one", 1);
        TestSession two = bob("two", 0);
        TestSession negative = bob("neg", -1);
        alice.send("<message to='bob@localhost' type='headline'><body>h1</body></message>");
        one.expect(body("h1"));
        two.expect(body("h1"));
        negative.expectNothing(body("h1"), QUIET);
    }

    @Test
    void chatToBareJidSkipsNegativeAndUnavailableResources() {
        TestSession one = bob("one", 0);
        TestSession negative = bob("neg", -5);
        TestSession connectedOnly = harness.connect("bob", "silent");
        alice.send("<message to='bob@localhost' type='chat'><body>c1</body></message>");
        one.expect(body("c1"));
        negative.expectNothing(Messages.anyMessage(), QUIET);
        connectedOnly.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void groupchatToBareJidIsAnErrorOnlineOrOffline() {
        alice.send("<message to='bob@localhost' type='groupchat' id='g1'><body>g</body></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("g1");
        TestSession one = bob("one", 0);
        alice.send("<message to='bob@localhost' type='groupchat' id='g2'><body>g</body></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("g2");
        one.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void errorMessagesToBareJidAreDropped() {
        TestSession one = bob("one", 0);
        alice.send("<message to='bob@localhost' type='error'><body>e</body></message>");
        one.expectNothing(Messages.anyMessage(), QUIET);
        alice.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void onlyNegativePrioritiesCountAsOfflineSoTheMessageIsStored() {
        TestSession negative = bob("neg", -1);
        alice.send("<message to='bob@localhost' type='chat'><body>later</body></message>");
        negative.expectNothing(body("later"), QUIET);
        alice.expectNothing(Messages.anyMessage(), QUIET);
        TestSession next = bob("next", 1);
        next.expect(body("later"));
    }

    @Test
    void headlineToOfflineUserIsDroppedWithoutError() {
        alice.send("<message to='bob@localhost' type='headline'><body>news</body></message>");
        alice.expectNothing(Messages.anyMessage(), QUIET);
        TestSession later = bob("later", 0);
        later.expectNothing(body("news"), QUIET);
    }

    @Test
    void fullJidOfAConnectedResourceGetsEveryTypeWhateverItsPriority() {
        TestSession negative = bob("neg", -1);
        TestSession connectedOnly = harness.connect("bob", "silent");
        alice.send("<message to='bob@localhost/neg' type='groupchat'><body>f1</body></message>");
        negative.expect(body("f1"));
        alice.send("<message to='bob@localhost/silent'><body>f2</body></message>");
        connectedOnly.expect(body("f2"));
    }

    @Test
    void chatToAnUnknownResourceIsTreatedAsSentToTheBareJid() {
        TestSession one = bob("one", 0);
        alice.send("<message to='bob@localhost/gone' type='chat'><body>c2</body></message>");
        Stanza got = one.expect(body("c2"));
        assertThat(got.to().toString()).isEqualTo("bob@localhost/gone");
    }

    @Test
    void otherTypesToAnUnknownResourceBounce() {
        TestSession one = bob("one", 0);
        for (String type : new String[] {"normal", "headline", "groupchat"}) {
            alice.send("<message to='bob@localhost/gone' type='" + type + "' id='" + type + "'><body>x</body></message>");
            assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo(type);
        }
        alice.send("<message to='bob@localhost/gone' type='error'><body>x</body></message>");
        alice.expectNothing(Messages.anyMessage(), QUIET);
        one.expectNothing(Messages.anyMessage(), QUIET);
    }

    @Test
    void messageWithoutToGoesToTheSendersOwnBareJid() {
        TestSession other = harness.connect("alice", "other");
        SimulatedPresence.available(harness, other, 0);
        alice.send("<message type='chat'><body>note</body></message>");
        other.expect(body("note"));
        alice.expect(body("note"));
    }

    @Test
    void messageToOwnBareJidReachesAllOwnResources() {
        TestSession other = harness.connect("alice", "other");
        SimulatedPresence.available(harness, other, 0);
        alice.send("<message to='alice@localhost' type='chat'><body>self</body></message>");
        other.expect(body("self"));
        alice.expect(body("self"));
    }

    @Test
    void chatToUnknownUserBounces() {
        alice.send("<message to='nobody@localhost' type='chat' id='u'><body>hello?</body></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("u");
    }
}
