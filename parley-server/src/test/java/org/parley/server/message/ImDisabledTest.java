package org.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.testing.Messages.body;
import static org.parley.server.testing.Messages.error;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.offline.OfflineModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Messages;
import org.parley.server.testing.SimulatedPresence;
import org.parley.server.testing.TestSession;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** {@code im.enabled: false}: chat between users is refused with a reason; other traffic flows. */
class ImDisabledTest {

    private CoreHarness harness;
    private TestSession alice;
    private TestSession bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(List.of("im.enabled=false"), new MessageModule(), new OfflineModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
        bob = harness.connect("bob", "b");
        SimulatedPresence.available(harness, alice, 0);
        SimulatedPresence.available(harness, bob, 0);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void chatAndNormalBetweenUsersAreRefusedWithAText() {
        alice.send("<message to='bob@localhost' type='chat' id='c'><body>hi</body></message>");
        Stanza refused = alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertThat(refused.id()).isEqualTo("c");
        assertThat(refused.element().child("error", Namespaces.CLIENT).orElseThrow()
                .childText("text", Namespaces.STANZAS_ERRORS)).isEqualTo(ImSwitch.TEXT);
        alice.send("<message to='bob@localhost/b' id='n'><body>hi</body></message>");
        assertThat(alice.expect(error(StanzaErrorCondition.SERVICE_UNAVAILABLE)).id()).isEqualTo("n");
        bob.expectNothing(Messages.anyMessage(), Duration.ofMillis(300));
    }

    @Test
    void headlinesAndNotesToSelfStillFlow() {
        alice.send("<message to='bob@localhost' type='headline'><body>news</body></message>");
        bob.expect(body("news"));
        alice.send("<message to='alice@localhost' type='chat'><body>note</body></message>");
        alice.expect(body("note"));
    }
}
