package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.core.Session;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** A client that stops reading is closed once its outbound queue is full, instead of growing the heap. */
class BackpressureTest {

    @Test
    void slowReaderIsClosedWhenItsQueueOverflows() throws Exception {
        try (TestServer server = TestServer.builder().set("c2s.maxOutboundQueue=50").start()) {
            server.createUser("alice");
            Jid jid = JidCreate.from("alice@localhost/slow");
            try (RawClient c = server.raw()) {
                c.socket().setReceiveBufferSize(4096);
                c.signIn("alice", "slow");
                Session session = server.core().hubs().session(jid);
                Stanza big = Stanza.of(Element.builder("message", Namespaces.CLIENT)
                        .attribute("to", jid.toString()).attribute("from", "localhost")
                        .child(Element.builder("body", Namespaces.CLIENT).text("x".repeat(16 * 1024)).build())
                        .build());
                // The client reads nothing from here on; 64 MB would not fit any socket buffer.
                for (int i = 0; i < 4096 && server.core().hubs().session(jid) != null; i++) {
                    session.deliver(big);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> server.core().hubs().session(jid) == null);
                assertThat(server.listener().connectionCount()).isZero();
            }
        }
    }
}
