package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/**
 * A client that sends more while an answer is pending (here: stanzas behind its bind request, in
 * one write) gets every answer, in order; one that floods the wait is cut off.
 */
class PipeliningTest {

    private static final String BIND = "<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            + "<resource>pipe</resource></bind></iq>";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.createUser("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawClient authenticated() throws Exception {
        RawClient c = server.raw();
        c.startTls();
        c.openStream();
        assertThat(c.authenticate("alice", TestServer.password("alice"))).contains("<success");
        c.openStream();
        return c;
    }

    @Test
    void stanzasBehindTheBindRequestAreAnsweredAfterIt() throws Exception {
        try (RawClient c = authenticated()) {
            c.send(BIND + "<iq type='get' id='ping-1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>"
                    + "<iq type='get' id='ping-2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");

            String answers = c.readUntil("id=\"ping-2\"");
            assertThat(answers).contains("alice@localhost/pipe");
            assertThat(answers.indexOf("bind-1")).isLessThan(answers.indexOf("ping-1"));
            assertThat(answers.indexOf("ping-1")).isLessThan(answers.indexOf("ping-2"));
        }
    }

    @Test
    void tooMuchWhileWaitingIsAPolicyViolation() throws Exception {
        try (RawClient c = authenticated()) {
            StringBuilder flood = new StringBuilder(BIND);
            for (int i = 0; i < 40; i++) {
                flood.append("<iq type='get' id='p").append(i).append("' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            }
            c.send(flood.toString());

            assertThat(c.readUntilClosed()).contains("<policy-violation");
        }
    }
}
