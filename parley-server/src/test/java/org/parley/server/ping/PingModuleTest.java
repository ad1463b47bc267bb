package org.parley.server.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class PingModuleTest {

    private CoreHarness harness;
    private TestSession alice;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new PingModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Stanza ping(String id, String toAttr) {
        alice.send("<iq type='get' id='" + id + "' " + toAttr + "><ping xmlns='urn:xmpp:ping'/></iq>");
        return alice.expect(s -> id.equals(s.id()));
    }

    @Test
    void answersPingsToTheServerAndToTheOwnAccount() {
        Stanza server = ping("p1", "to='localhost'");
        assertThat(server.type()).isEqualTo("result");
        assertThat(server.element().elements()).isEmpty();
        assertThat((Object) server.from()).hasToString("localhost");
        assertThat(ping("p2", "").type()).isEqualTo("result");
        assertThat(ping("p3", "to='alice@localhost'").type()).isEqualTo("result");
    }

    @Test
    void pingToAnotherAccountIsNotAnsweredOnItsBehalf() {
        assertThat(Stanzas.errorCondition(ping("p", "to='bob@localhost'"))).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }

    @Test
    void pingIsAGet() {
        alice.send("<iq type='set' id='s' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(Stanzas.errorCondition(alice.expect(s -> "s".equals(s.id())))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }
}
