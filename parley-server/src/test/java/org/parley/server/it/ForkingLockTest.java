package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import java.time.Duration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.TestServer;

/**
 * IM forking (seed): a chat to a bare JID reaches every device until the user answers from one;
 * then only that one, until the conversation has been idle for {@code forking.idleSeconds}.
 */
class ForkingLockTest {

    private static final int IDLE_SECONDS = 1;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().set("forking.idleSeconds=" + IDLE_SECONDS).start();
        server.createUser("alice");
        server.createUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void forksUntilAReplyThenLocksUntilIdle() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection phone = server.signIn("bob", "phone");
        XMPPTCPConnection laptop = server.signIn("bob", "laptop");
        Inbox aliceInbox = Inbox.of(alice);
        Inbox phoneInbox = Inbox.of(phone);
        Inbox laptopInbox = Inbox.of(laptop);
        Clients.available(alice);
        Clients.available(phone);
        Clients.available(laptop);

        Clients.chat(alice, jid(phone), "hello, anyone?");
        phoneInbox.awaitBody("hello, anyone?");
        laptopInbox.awaitBody("hello, anyone?");

        Clients.chat(phone, alice.getUser(), "on my phone");
        aliceInbox.awaitBody("on my phone");
        Clients.chat(alice, jid(phone), "just the phone now");
        phoneInbox.awaitBody("just the phone now");
        laptopInbox.sync();
        assertThat(laptopInbox.bodies()).containsExactly("hello, anyone?");

        // Nothing said for longer than the idle window: the lock lapses (no message may refresh it).
        await().pollDelay(Duration.ofMillis(IDLE_SECONDS * 1000L + 500)).atMost(Inbox.WAIT).until(() -> true);
        Clients.chat(alice, jid(phone), "back to everyone");
        phoneInbox.awaitBody("back to everyone");
        laptopInbox.awaitBody("back to everyone");
        assertThat(phoneInbox.bodies()).containsExactly("hello, anyone?", "just the phone now", "back to everyone");
    }
}
