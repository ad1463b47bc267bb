package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.SmackScramSha256;
import org.parley.server.testing.TestServer;

/** Real Smack clients signing in over STARTTLS and direct TLS with each SASL mechanism. */
class SignInTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        SmackScramSha256.register();
        server = TestServer.start();
        server.createUser("alice");
        server.createUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN", "SCRAM-SHA-256-PLUS"})
    void signsInOverStartTls(String mechanism) throws Exception {
        XMPPTCPConnection c = server.connect(server.startTlsConfig("alice", "starttls-" + mechanism)
                .addEnabledSaslMechanism(mechanism).build());

        assertThat(c.isAuthenticated()).isTrue();
        assertThat(c.isSecureConnection()).isTrue();
        assertThat(c.getUsedSaslMechansism()).isEqualTo(mechanism);
        assertThat(c.getUser().toString()).isEqualTo("alice@localhost/starttls-" + mechanism);
        c.disconnect();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"})
    void signsInOverDirectTls(String mechanism) throws Exception {
        XMPPTCPConnection c = server.connect(server.directTlsConfig("alice", "direct-" + mechanism)
                .addEnabledSaslMechanism(mechanism).build());

        assertThat(c.isAuthenticated()).isTrue();
        assertThat(c.getUsedSaslMechansism()).isEqualTo(mechanism);
        assertThat(c.getUser().toString()).isEqualTo("alice@localhost/direct-" + mechanism);
        c.disconnect();
    }

    @Test
    void wrongPasswordIsNotAuthorized() {
        XMPPTCPConnectionConfiguration config = server.startTlsConfig("bob", "x")
                .setUsernameAndPassword("bob", "wrong").build();

        assertThatThrownBy(() -> server.connect(config))
                .isInstanceOf(SASLErrorException.class)
                .satisfies(e -> assertThat(((SASLErrorException) e).getSASLFailure().getSASLError())
                        .isEqualTo(SASLError.not_authorized));
    }

    @Test
    void generatesAResourceWhenNoneIsAsked() throws Exception {
        XMPPTCPConnection c = server.connect(server.startTlsConfig("alice", null).build());

        assertThat(c.getUser().getResourcepart().toString()).startsWith("parley-").hasSizeGreaterThan(20);
        c.disconnect();
    }

    @Test
    void aNewSessionWithTheSameResourceReplacesTheOld() throws Exception {
        XMPPTCPConnection first = server.signIn("bob", "phone");
        CompletableFuture<Exception> closedWith = new CompletableFuture<>();
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedWith.complete(e);
            }
        });

        XMPPTCPConnection second = server.signIn("bob", "phone");

        Exception e = closedWith.get(10, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(StreamErrorException.class);
        assertThat(((StreamErrorException) e).getStreamError().getCondition())
                .isEqualTo(StreamError.Condition.conflict);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat((Object) server.core().hubs().session(second.getUser()))
                .isNotNull();
        second.disconnect();
    }

    @Test
    void messagesFlowBetweenBoundSessions() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection bob = server.signIn("bob", "desk");
        CompletableFuture<Message> received = new CompletableFuture<>();
        bob.addAsyncStanzaListener(s -> received.complete((Message) s), s -> s instanceof Message);

        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.from("bob@localhost/desk")).setBody("hello").build());

        Message m = received.get(10, TimeUnit.SECONDS);
        assertThat(m.getBody()).isEqualTo("hello");
        assertThat(m.getFrom().toString()).isEqualTo("alice@localhost/desk");
        alice.disconnect();
        bob.disconnect();
    }
}
