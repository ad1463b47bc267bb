package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/** Server pings (XEP-0199), the idle timeout, and shutdown. */
class LivenessTest {

    @Test
    void silentClientIsPingedThenTimedOut() throws Exception {
        try (TestServer server = TestServer.builder()
                .set("c2s.pingIntervalSeconds=1").set("c2s.idleTimeoutSeconds=3").start()) {
            server.createUser("alice");
            try (RawClient c = server.raw()) {
                c.signIn("alice", "quiet");
                String ping = c.readUntil("</iq>");
                assertThat(ping).contains("type=\"get\"").contains("from=\"localhost\"")
                        .contains("to=\"alice@localhost/quiet\"").contains("<ping xmlns=\"urn:xmpp:ping\"/>");
                // Not answering: the connection is closed for inactivity.
                assertThat(c.readUntilClosed()).contains("<connection-timeout").endsWith("</stream:stream>");
            }
        }
    }

    @Test
    void answeringPingsKeepsTheSessionAlive() throws Exception {
        try (TestServer server = TestServer.builder()
                .set("c2s.pingIntervalSeconds=1").set("c2s.idleTimeoutSeconds=2").start()) {
            server.createUser("alice");
            try (RawClient c = server.raw()) {
                c.signIn("alice", "lively");
                for (int i = 0; i < 4; i++) {
                    String ping = c.readUntil("</iq>");
                    String id = ping.replaceAll("(?s).*id=\"([^\"]+)\".*", "$1");
                    c.send("<iq type='result' id='" + id + "' to='localhost'/>");
                }
                c.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
                assertThat(c.readUntil("id=\"s1\"")).doesNotContain("stream:error");
            }
        }
    }

    @Test
    void aQuietServerSendsWhitespaceKeepalivesBetweenPings() throws Exception {
        // Keepalive after half the ping interval without output: 2 s, before the ping at 4 s.
        try (TestServer server = TestServer.builder()
                .set("c2s.pingIntervalSeconds=4").set("c2s.idleTimeoutSeconds=30").start()) {
            server.createUser("alice");
            try (RawClient c = server.raw()) {
                c.signIn("alice", "kept");
                assertThat(c.readUntil(" ")).isEqualTo(" ");
                assertThat(c.readUntil("</iq>")).contains("<ping xmlns=\"urn:xmpp:ping\"/>");
            }
        }
    }

    @Test
    void theSweepRunsAQuarterOfTheShortestIntervalWithinBounds() {
        assertThat(Liveness.periodMillis(java.util.concurrent.TimeUnit.SECONDS.toNanos(1))).isEqualTo(250);
        assertThat(Liveness.periodMillis(java.util.concurrent.TimeUnit.SECONDS.toNanos(60))).isEqualTo(1000);
        assertThat(Liveness.periodMillis(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100))).isEqualTo(100);
    }

    @Test
    void stoppingTheListenerSendsSystemShutdown() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.createUser("alice");
            try (RawClient bound = server.raw(); RawClient negotiating = server.raw()) {
                bound.signIn("alice", "stopping");
                negotiating.openStream();
                server.listener().stop();
                assertThat(bound.readUntilClosed()).contains("<system-shutdown").endsWith("</stream:stream>");
                assertThat(negotiating.readUntilClosed()).contains("<system-shutdown");
            }
        }
    }
}
