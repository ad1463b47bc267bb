package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension.Direction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.TestServer;

/** Message carbons (XEP-0280) between two of a user's devices, through Smack's CarbonManager. */
class CarbonCopyTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().start();
        server.createUser("alice");
        server.createUser("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A carbon copy as the listener saw it: direction and the forwarded message's body. */
    record Copy(Direction direction, String body) {
    }

    @Test
    void eachDeviceSeesWhatTheOtherSentAndReceived() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection phone = server.signIn("bob", "phone");
        XMPPTCPConnection laptop = server.signIn("bob", "laptop");
        XMPPTCPConnection tablet = server.signIn("bob", "tablet");
        Inbox aliceInbox = Inbox.of(alice);
        Inbox phoneInbox = Inbox.of(phone);
        Inbox tabletInbox = Inbox.of(tablet);
        List<Copy> laptopCopies = new CopyOnWriteArrayList<>();
        List<Copy> tabletCopies = new CopyOnWriteArrayList<>();
        for (XMPPTCPConnection c : List.of(alice, phone, laptop, tablet)) {
            Clients.available(c);
        }
        CarbonManager laptopCarbons = CarbonManager.getInstanceFor(laptop);
        assertThat(laptopCarbons.isSupportedByServer()).isTrue();
        laptopCarbons.addCarbonCopyReceivedListener((d, carbon, wrapping) -> laptopCopies.add(new Copy(d, carbon.getBody())));
        laptopCarbons.setCarbonsEnabled(true);
        CarbonManager.getInstanceFor(phone).setCarbonsEnabled(true);
        // The tablet has not enabled carbons: it gets no copies.
        CarbonManager.getInstanceFor(tablet)
                .addCarbonCopyReceivedListener((d, carbon, wrapping) -> tabletCopies.add(new Copy(d, carbon.getBody())));

        Clients.chat(alice, phone.getUser(), "to your phone");
        phoneInbox.awaitBody("to your phone");
        Clients.chat(phone, alice.getUser(), "answered from the phone");
        aliceInbox.awaitBody("answered from the phone");

        await().atMost(Inbox.WAIT).until(() -> laptopCopies.size() == 2);
        assertThat(laptopCopies).containsExactlyInAnyOrder(new Copy(Direction.received, "to your phone"),
                new Copy(Direction.sent, "answered from the phone"));
        tabletInbox.sync();
        assertThat(tabletCopies).isEmpty();
        assertThat(tabletInbox.bodies()).isEmpty();
        assertThat((Object) jid(phone)).isEqualTo(jid(laptop));
    }
}
