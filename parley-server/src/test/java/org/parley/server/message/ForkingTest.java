package org.parley.server.message;

import static org.awaitility.Awaitility.await;
import static org.parley.server.testing.Messages.body;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.offline.OfflineModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;

/** IM forking (seed): fork to every device until the contact replies from one, then lock to it. */
class ForkingTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private CoreHarness harness;
    private TestSession alice;
    private TestSession bob1;
    private TestSession bob2;

    private void start(String... overrides) {
        harness = CoreHarness.start(List.of(overrides), new MessageModule(), new OfflineModule());
        harness.createUser("alice");
        harness.createUser("bob");
        harness.createUser("carol");
        alice = online("alice", "a");
        bob1 = online("bob", "one");
        bob2 = online("bob", "two");
    }

    private TestSession online(String user, String resource) {
        TestSession s = harness.connect(user, resource);
        SimulatedPresence.available(harness, s, 0);
        return s;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void lockToBob2() {
        alice.send("<message to='bob@localhost' type='chat'><body>hi</body></message>");
        bob1.expect(body("hi"));
        bob2.expect(body("hi"));
        bob2.send("<message to='alice@localhost/a' type='chat'><body>hello from two</body></message>");
        alice.expect(body("hello from two"));
    }

    @Test
    void forksToAllResourcesThenLocksToTheOneThatReplied() {
        start();
        lockToBob2();
        alice.send("<message to='bob@localhost' type='chat'><body>only two</body></message>");
        bob2.expect(body("only two"));
        bob1.expectNothing(body("only two"), QUIET);
    }

    @Test
    void lockIsPerPeer() {
        start();
        TestSession carol = online("carol", "c");
        lockToBob2();
        carol.send("<message to='bob@localhost' type='chat'><body>from carol</body></message>");
        bob1.expect(body("from carol"));
        bob2.expect(body("from carol"));
    }

    @Test
    void chatStatesAloneDoNotLock() {
        start();
        alice.send("<message to='bob@localhost' type='chat'><body>hi</body></message>");
        bob2.expect(body("hi"));
        bob2.send("<message to='alice@localhost/a' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        alice.send("<message to='bob@localhost' type='chat'><body>still both</body></message>");
        bob1.expect(body("still both"));
        bob2.expect(body("still both"));
    }

    @Test
    void unlocksWhenTheLockedResourceGoesOffline() {
        start();
        lockToBob2();
        bob2.disconnect();
        alice.send("<message to='bob@localhost' type='chat'><body>after disconnect</body></message>");
        bob1.expect(body("after disconnect"));
        // A new session with the same resource starts unlocked too.
        TestSession bob2again = online("bob", "two");
        alice.send("<message to='bob@localhost' type='chat'><body>both again</body></message>");
        bob1.expect(body("both again"));
        bob2again.expect(body("both again"));
    }

    @Test
    void unlocksWhenTheLockedResourceBecomesUnavailable() {
        start();
        lockToBob2();
        SimulatedPresence.unavailable(harness, bob2);
        alice.send("<message to='bob@localhost' type='chat'><body>after unavailable</body></message>");
        bob1.expect(body("after unavailable"));
        bob2.expectNothing(body("after unavailable"), QUIET);
    }

    @Test
    void unlocksAfterTheIdleWindow() {
        start("forking.idleSeconds=1");
        lockToBob2();
        bob1.drain();
        // Keep asking until the conversation has been idle long enough to fork again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1500)).until(() -> {
            alice.send("<message to='bob@localhost' type='chat'><body>anyone?</body></message>");
            return bob1.drain().stream().anyMatch(body("anyone?"));
        });
    }

    @Test
    void zeroIdleWindowAlwaysForks() {
        start("forking.idleSeconds=0");
        lockToBob2();
        alice.send("<message to='bob@localhost' type='chat'><body>both</body></message>");
        bob1.expect(body("both"));
        bob2.expect(body("both"));
    }
}
