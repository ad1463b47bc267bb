package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Stanza;

/**
 * A newcomer's presence reaches every other occupant as that occupant may see it (XEP-0045
 * §7.2.3, §7.2.4), addressed to each one's own session, although the server builds it once per
 * kind of view and only re-addresses the copies.
 */
class JoinBroadcastTest {

    private CoreHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private MucClient client(String user) {
        return MucClient.newUser(harness, user);
    }

    @Test
    void semiAnonymousRoomShowsTheRealJidToModeratorsOnlyEachCopyToItsOwnSession() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        alice.createInstant("hall", "Alice"); // owner, moderator; the default room is semi-anonymous
        MucClient bob = client("bob");
        MucClient carol = client("carol");
        bob.join("hall", "Bob");
        carol.join("hall", "Carol");

        MucClient dave = client("dave");
        dave.join("hall", "Dave");

        String daveNick = room("hall") + "/Dave";
        Stanza seenByAlice = alice.expect(s -> s.isPresence() && s.from().toString().equals(daveNick));
        Stanza seenByBob = bob.expect(s -> s.isPresence() && s.from().toString().equals(daveNick));
        Stanza seenByCarol = carol.expect(s -> s.isPresence() && s.from().toString().equals(daveNick));
        assertThat(seenByAlice.to().toString()).isEqualTo("alice@localhost/r");
        assertThat(seenByBob.to().toString()).isEqualTo("bob@localhost/r");
        assertThat(seenByCarol.to().toString()).isEqualTo("carol@localhost/r");
        assertThat(item(seenByAlice).attribute("jid")).isEqualTo("dave@localhost/r");
        assertThat(item(seenByBob).attribute("jid")).isNull();
        assertThat(item(seenByCarol).attribute("jid")).isNull();
        assertThat(item(seenByBob).attribute("role")).isEqualTo("participant");
        assertThat(seenByCarol.toXml()).isEqualTo(seenByBob.toXml().replace("bob@localhost/r", "carol@localhost/r"));
    }
}
