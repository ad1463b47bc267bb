package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/**
 * Bad input over raw sockets: each case gets its RFC 6120 stream error (or stanza error) and a
 * clean close, and the server goes on serving others (a Smack client signs in afterwards).
 */
class StreamErrorTest {

    private static final String STREAM_NS = "xmlns:stream='http://etherx.jabber.org/streams'";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder()
                .set("c2s.maxStanzaBytes=4096")
                // Many deliberate failures come from 127.0.0.1 here; throttling is ThrottleTest's subject.
                .throttle(new SignInThrottle(Clock.systemUTC(), 1000, Duration.ofMinutes(1), Duration.ZERO,
                        Duration.ZERO, 10))
                .start();
        server.createUser("alice");
        server.createUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesOthers() throws Exception {
        XMPPTCPConnection c = server.signIn("bob", "after-each");
        assertThat(c.isAuthenticated()).isTrue();
        c.disconnect();
    }

    private static void assertClosedWith(RawClient client, String condition) throws Exception {
        String rest = client.readUntilClosed();
        assertThat(rest).contains("<stream:error><" + condition + " xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>")
                .endsWith("</stream:error></stream:stream>");
    }

    @Test
    void malformedXmlIsNotWellFormed() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "malformed");
            c.send("<message to='bob@localhost'><body>oops</message>");
            assertClosedWith(c, "not-well-formed");
        }
    }

    @Test
    void oversizedStanzaIsAPolicyViolation() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "oversized");
            c.send("<message to='bob@localhost'><body>" + "x".repeat(5000) + "</body></message>");
            assertClosedWith(c, "policy-violation");
        }
    }

    @Test
    void entityDeclarationIsRestrictedXml() throws Exception {
        try (RawClient c = server.raw()) {
            c.send("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>"
                    + c.header());
            String answer = c.readUntilClosed();
            assertThat(answer).startsWith("<?xml version='1.0'?><stream:stream").contains("<restricted-xml");
        }
    }

    @Test
    void entityReferenceInAStanzaIsRestrictedXml() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "entity");
            c.send("<message to='bob@localhost'><body>&lol;</body></message>");
            assertClosedWith(c, "restricted-xml");
        }
    }

    @Test
    void connectionDroppedMidStanzaEndsTheSession() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "dropped");
            assertThat((Object) server.core().hubs().session(JidCreate.from("alice@localhost/dropped"))).isNotNull();
            c.send("<message to='bob@localhost'><body>half a sta");
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                server.core().hubs().session(JidCreate.from("alice@localhost/dropped")) == null);
    }

    @Test
    void wrongContentNamespaceIsInvalidNamespace() throws Exception {
        try (RawClient c = server.raw()) {
            c.send("<stream:stream to='localhost' xmlns='jabber:server' " + STREAM_NS + " version='1.0'>");
            assertClosedWith(c, "invalid-namespace");
        }
    }

    @Test
    void wrongStreamNamespaceIsInvalidNamespace() throws Exception {
        try (RawClient c = server.raw()) {
            c.send("<stream:stream to='localhost' xmlns='jabber:client' xmlns:stream='urn:wrong' version='1.0'>");
            assertClosedWith(c, "invalid-namespace");
        }
    }

    @Test
    void unknownHostIsHostUnknown() throws Exception {
        try (RawClient c = server.raw()) {
            c.send("<stream:stream to='example.net' xmlns='jabber:client' " + STREAM_NS + " version='1.0'>");
            String answer = c.readUntilClosed();
            // RFC 6120 §4.9.1.1: the error comes in a stream the server opened from its own domain.
            assertThat(answer).contains("from='localhost'").contains("<host-unknown");
        }
    }

    @Test
    void versionTwoIsUnsupported() throws Exception {
        try (RawClient c = server.raw()) {
            c.send("<stream:stream to='localhost' xmlns='jabber:client' " + STREAM_NS + " version='2.0'>");
            assertClosedWith(c, "unsupported-version");
        }
    }

    @Test
    void signingInBeforeTlsIsAPolicyViolation() throws Exception {
        try (RawClient c = server.raw()) {
            assertThat(c.openStream()).contains("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/>")
                    .doesNotContain("mechanisms");
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldC1hbGljZQ==</auth>");
            assertClosedWith(c, "policy-violation");
        }
    }

    @Test
    void stanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            c.send("<message to='bob@localhost'><body>hi</body></message>");
            assertClosedWith(c, "not-authorized");
        }
    }

    @Test
    void stanzaBeforeBindingIsNotAuthorized() throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            assertThat(c.authenticate("alice", TestServer.password("alice"))).contains("<success");
            assertThat(c.openStream()).contains("<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>");
            c.send("<message to='bob@localhost'><body>hi</body></message>");
            assertClosedWith(c, "not-authorized");
        }
    }

    @Test
    void bytesAfterStartTlsInTheSamePacketAreDropped() throws Exception {
        try (RawClient c = server.raw()) {
            c.openStream();
            // A man in the middle appends a stanza to the client's <starttls/> (CVE-2011-0411 style).
            c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><message to='bob@localhost'/>");
            c.readUntil("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            c.upgradeToTls();
            assertThat(c.openStream()).contains("<mechanisms");
        }
    }

    @Test
    void spoofedFromIsInvalidFrom() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "spoof");
            c.send("<message from='bob@localhost/desk' to='bob@localhost'><body>it is me</body></message>");
            assertClosedWith(c, "invalid-from");
        }
    }

    @Test
    void unknownTopLevelElementIsUnsupportedStanzaType() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "nonza");
            c.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertClosedWith(c, "unsupported-stanza-type");
        }
    }

    @Test
    void malformedAddressGetsAStanzaErrorAndTheStreamGoesOn() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "badjid");
            c.send("<message id='m1' to='with space@localhost'><body>x</body></message>");
            assertThat(c.readUntil("</message>")).contains("type=\"error\"").contains("id=\"m1\"")
                    .contains("<jid-malformed");
            c.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
            assertThat(c.readUntil("/>")).contains("type=\"result\"").contains("id=\"s1\"");
        }
    }

    @Test
    void iqWithAnUnknownTypeIsABadRequest() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "badiq");
            c.send("<iq type='bogus' id='q1'><query xmlns='jabber:iq:version'/></iq>");
            assertThat(c.readUntil("</iq>")).contains("type=\"error\"").contains("<bad-request");
        }
    }

    @Test
    void unofferedMechanismIsInvalidMechanism() throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='DIGEST-MD5'/>");
            assertThat(c.readUntil("</failure>")).contains("<invalid-mechanism/>");
        }
    }

    @Test
    void tooManyFailedAttemptsCloseTheStream() throws Exception {
        try (RawClient c = server.raw()) {
            c.startTls();
            c.openStream();
            for (int i = 0; i < C2sServices.MAX_AUTH_ATTEMPTS; i++) {
                assertThat(c.authenticate("alice", "wrong-" + i)).contains("<not-authorized/>");
            }
            assertClosedWith(c, "policy-violation");
        }
    }

    @Test
    void clientClosingItsStreamIsAnsweredInKind() throws Exception {
        try (RawClient c = server.raw()) {
            c.signIn("alice", "bye");
            c.send("</stream:stream>");
            assertThat(c.readUntilClosed()).isEqualTo("</stream:stream>");
        }
    }
}
