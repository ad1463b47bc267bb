package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/** XEP-0077 account creation before sign-in, when registration.inBand is on. */
class RegistrationTest {

    private static final String REGISTER = "xmlns='jabber:iq:register'";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().set("registration.inBand=true").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsAnAccountThatCanSignIn() throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            assertThat(c.openStream()).contains("<register xmlns=\"http://jabber.org/features/iq-register\"/>");
            c.send("<iq type='get' id='r1'><query " + REGISTER + "/></iq>");
            assertThat(c.readUntil("</iq>")).contains("<username/>").contains("<password/>")
                    .contains("<instructions>");
            c.send("<iq type='set' id='r2'><query " + REGISTER + "><username>carol</username>"
                    + "<password>" + TestServer.password("carol") + "</password></query></iq>");
            assertThat(c.readUntilAny("/>", "</iq>")).contains("type=\"result\"").contains("id=\"r2\"");
        }
        XMPPTCPConnection carol = server.signIn("carol", "new");
        assertThat(carol.isAuthenticated()).isTrue();
        carol.disconnect();
    }

    @Test
    void takenNameIsAConflictAndBadNameNotAcceptable() throws Exception {
        server.createUser("dave");
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            c.send("<iq type='set' id='r1'><query " + REGISTER + "><username>dave</username>"
                    + "<password>x</password></query></iq>");
            assertThat(c.readUntil("</iq>")).contains("<conflict");
            c.send("<iq type='set' id='r2'><query " + REGISTER + "><username>bad name@x</username>"
                    + "<password>x</password></query></iq>");
            assertThat(c.readUntil("</iq>")).contains("<not-acceptable");
        }
    }

    @Test
    void notOfferedBeforeTls() throws Exception {
        try (RawClient c = server.raw()) {
            assertThat(c.openStream()).doesNotContain("iq-register");
        }
    }
}
