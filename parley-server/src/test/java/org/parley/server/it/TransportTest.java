package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.parley.server.config.ConfigException;
import org.parley.server.testing.TestServer;

/** Every c2s transport (c2s.transport) carries a TLS sign-in and a message both ways with Smack. */
class TransportTest {

    @ParameterizedTest
    @ValueSource(strings = {"nio", "epoll", "io_uring"})
    void signInAndChatOver(String transport) throws Exception {
        Assumptions.assumeTrue(!transport.equals("epoll") || Epoll.isAvailable(), "no epoll here");
        Assumptions.assumeTrue(!transport.equals("io_uring") || IoUring.isAvailable(), "no io_uring here");
        try (TestServer server = TestServer.builder().allModules().set("c2s.transport=" + transport).start()) {
            server.createUser("alice");
            server.createUser("bob");
            XMPPTCPConnection alice = server.signIn("alice", "desk");
            XMPPTCPConnection bob = server.signIn("bob", "phone");
            Inbox aliceInbox = Inbox.of(alice);
            Inbox bobInbox = Inbox.of(bob);
            Clients.chat(alice, bob.getUser(), "over " + transport);
            bobInbox.awaitBody("over " + transport);
            Clients.chat(bob, alice.getUser(), "back over " + transport);
            aliceInbox.awaitBody("back over " + transport);
            alice.disconnect();
            bob.disconnect();
        }
    }

    @Test
    void anUnknownTransportIsAConfigurationError() {
        assertThatThrownBy(() -> TestServer.builder().set("c2s.transport=carrier-pigeon").start())
                .hasRootCauseInstanceOf(ConfigException.class);
    }
}
