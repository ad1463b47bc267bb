package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/** Sessions whose parser was dropped while idle go on exactly as before when they speak again. */
class IdleParsersTest {

    @Test
    void aSessionSilentLongEnoughToHibernateStillParsesItsStream() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.createUser("alice");
            server.createUser("bob");
            try (RawClient alice = server.raw(); RawClient bob = server.raw()) {
                alice.signIn("alice", "a");
                bob.signIn("bob", "b");
                // Past Liveness.HIBERNATE_AFTER_NANOS plus a sweep: both parsers have dropped their reader.
                Thread.sleep(2_500);
                alice.send("<message to='bob@localhost/b' type='chat' id='m1'><body>after &amp; a nap</body></message>");
                assertThat(bob.readUntil("</message>")).contains("from=\"alice@localhost/a\"")
                        .contains("<body>after &amp; a nap</body>");
                // Split input across the wake-up: half a stanza, a pause past the idle time, the rest.
                alice.send("<message to='bob@localhost/b' type='chat' id='m2'><bo");
                Thread.sleep(2_500);
                alice.send("dy>second</body></message>");
                assertThat(bob.readUntil("</message>")).contains("id=\"m2\"").contains("<body>second</body>");
            }
        }
    }
}
