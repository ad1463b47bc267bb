package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;
import static org.parley.server.muc.MucClient.statusCodes;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * XEP-0045 §7.2.9 multi-session nicks: two sessions of one user share a nickname; the others see
 * one occupant, messages reach both sessions, and the occupant leaves with its last session.
 * "Nothing reached Bob" is checked without waiting: the room handles stanzas in order, so anything
 * it sent Bob about a join arrives before the groupchat message sent after it.
 */
class MultiSessionNickTest {

    private CoreHarness harness;
    private MucClient desk;
    private MucClient phone;
    private MucClient bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MucModule());
        harness.createUser("alice");
        harness.createUser("bob");
        harness.createUser("carol");
        desk = new MucClient(harness.connect("alice", "desk"));
        phone = new MucClient(harness.connect("alice", "phone"));
        bob = new MucClient(harness.connect("bob", "r"));
        desk.createInstant("team", "Alice");
        bob.join("team", "Bob");
        bob.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());
        bob.session.drain();
        desk.expect(fromNick("Bob"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Predicate<Stanza> fromNick(String nick) {
        return s -> s.isPresence() && s.from() != null && s.from().toString().equals(room("team") + "/" + nick);
    }

    /** Everything Bob received until {@code body} arrived. */
    private List<Stanza> bobReceivedUntil(String body) {
        bob.expectGroupchat(body);
        return bob.session.drain();
    }

    @Test
    void aSecondSessionSharesTheNicknameAndOthersSeeOneOccupant() {
        Stanza self = phone.join("team", "Alice");
        assertThat(statusCodes(self)).contains(110).doesNotContain(201);
        assertThat(item(self).attribute("jid")).isEqualTo("alice@localhost/phone");
        assertThat(item(self).attribute("role")).isEqualTo("moderator");
        // The new session is welcomed like any newcomer: Bob's presence and the subject.
        phone.expect(fromNick("Bob"));
        phone.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());

        phone.say("team", "from the phone");
        assertThat(bobReceivedUntil("from the phone")).noneMatch(fromNick("Alice"));
        // Each session gets the room's echo.
        desk.expectGroupchat("from the phone");
        phone.expectGroupchat("from the phone");

        bob.say("team", "hello Alice");
        desk.expectGroupchat("hello Alice");
        phone.expectGroupchat("hello Alice");

        bob.session.send("<message type='chat' to='" + room("team") + "/Alice'><body>psst</body></message>");
        Predicate<Stanza> pm = s -> s.isMessage() && "psst".equals(s.element().childText("body", Namespaces.CLIENT));
        assertThat(desk.expect(pm).from().toString()).isEqualTo(room("team") + "/Bob");
        assertThat(phone.expect(pm).from().toString()).isEqualTo(room("team") + "/Bob");

        MucClient carol = new MucClient(harness.connect("carol", "r"));
        assertThat(error(carol.join("team", "Alice"))).isEqualTo(StanzaErrorCondition.CONFLICT);
    }

    @Test
    void theOccupantLeavesWithItsLastSession() {
        phone.join("team", "Alice");
        phone.session.send("<presence type='unavailable' to='" + room("team") + "/Alice'/>");
        Stanza gone = phone.expect(s -> s.isPresence() && "unavailable".equals(s.type()));
        assertThat(statusCodes(gone)).contains(110);
        desk.say("team", "still here");
        assertThat(bobReceivedUntil("still here")).noneMatch(fromNick("Alice"));

        desk.session.send("<presence type='unavailable' to='" + room("team") + "/Alice'/>");
        Stanza left = bob.expect(fromNick("Alice").and(s -> "unavailable".equals(s.type())));
        assertThat(item(left).attribute("role")).isEqualTo("none");
    }

    @Test
    void aPresenceUpdateOnlyReachesOthersWhenItChangesWhatTheySee() {
        phone.join("team", "Alice");
        // The phone goes away: the desk, first to join and still available, stays what Bob sees.
        phone.session.send("<presence to='" + room("team") + "/Alice'><show>away</show></presence>");
        phone.expect(fromNick("Alice").and(s -> statusCodes(s).contains(110)));
        desk.say("team", "desk speaking");
        assertThat(bobReceivedUntil("desk speaking")).noneMatch(fromNick("Alice"));

        // The desk goes dnd: Bob now sees dnd, the composer's strongest show.
        desk.session.send("<presence to='" + room("team") + "/Alice'><show>dnd</show></presence>");
        Stanza dnd = bob.expect(fromNick("Alice"));
        assertThat(dnd.element().childText("show", Namespaces.CLIENT)).isEqualTo("dnd");
    }

    @Test
    void aKickRemovesEverySessionAndAnIqGoesToOneSessionOnly() {
        phone.join("team", "Alice");
        // Bob joins from a second client too: the owner's kick must remove both.
        MucClient bobPhone = new MucClient(harness.connect("bob", "phone"));
        bobPhone.join("team", "Bob");
        bob.session.send("<iq type='get' id='v1' to='" + room("team") + "/Alice'><query xmlns='jabber:iq:version'/></iq>");
        Stanza asked = desk.expect(s -> s.isIq() && "get".equals(s.type()));
        assertThat(asked.from().toString()).isEqualTo(room("team") + "/Bob");
        desk.session.send("<iq type='result' id='" + asked.id() + "' to='" + room("team") + "/Bob'/>");
        // The answer goes back to the very session that asked.
        assertThat(bob.expect(s -> s.isIq() && "v1".equals(s.id())).type()).isEqualTo("result");

        MucClient.expectResult(desk.iq("set", room("team"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item nick='Bob' role='none'><reason>bye</reason></item></query>"));
        assertThat(statusCodes(bob.expect(fromNick("Bob").and(s -> "unavailable".equals(s.type()))))).contains(307, 110);
        assertThat(statusCodes(bobPhone.expect(fromNick("Bob").and(s -> "unavailable".equals(s.type())))))
                .contains(307, 110);
        bob.say("team", "let me back");
        assertThat(error(bob.expect(s -> s.isMessage() && s.isError()))).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
    }
}
