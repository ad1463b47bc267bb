package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.room;

import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.adhoc.AdHocModule;
import org.parley.server.presence.PresenceModule;
import org.parley.server.richpresence.RichPresenceModule;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Occupants are shown with their composed presence: a manual "do not disturb" set through the
 * rich-presence ad-hoc command reaches the other occupants, and a newcomer sees it on join.
 */
class ComposedOccupantPresenceTest {

    private static final String NODE = "urn:parley:presence:manual:0";

    private CoreHarness harness;
    private MucClient alice;
    private MucClient bob;

    @BeforeEach
    void start() {
        RosterModule roster = new RosterModule();
        PresenceModule presence = new PresenceModule(roster);
        AdHocModule adHoc = new AdHocModule();
        harness = CoreHarness.start(roster, presence, adHoc, new RichPresenceModule(presence, adHoc), new MucModule());
        alice = client("alice");
        bob = client("bob");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.availableUser(harness, user);
    }

    @Test
    void manualDoNotDisturbShowsInTheRoomAndOnJoin() {
        alice.createInstant("team", "Alice");
        bob.join("team", "Bob");
        alice.expect(shows("Bob", null, null));

        setManual(alice, "dnd", "In a meeting");
        Stanza seen = bob.expect(shows("Alice", "dnd", "In a meeting"));
        assertThat(MucClient.item(seen).attribute("role")).isEqualTo("moderator");

        // A newcomer sees the composed state among the occupants it receives on entering.
        harness.createUser("carol");
        MucClient carol = new MucClient(harness.connect("carol", "r"));
        carol.session.send("<presence/>");
        carol.join("team", "Carol");
        carol.expect(shows("Alice", "dnd", "In a meeting"));

        bob.session.drain();
        // Clearing the manual status shows Alice's device presence again.
        setManual(alice, "clear", null);
        bob.expect(shows("Alice", null, null));
        carol.expect(shows("Alice", null, null));
    }

    @Test
    void aPresenceSentToTheRoomIsShownWithTheComposedShowAndItsOtherChildren() {
        alice.createInstant("team", "Alice");
        bob.join("team", "Bob");
        setManual(alice, "dnd", null);
        bob.expect(shows("Alice", "dnd", null));

        alice.session.send("<presence to='" + room("team") + "/Alice'><show>chat</show><status>free</status>"
                + "<priority>3</priority></presence>");
        Stanza update = bob.expect(p -> p.isPresence() && p.from().toString().equals(room("team") + "/Alice")
                && p.element().child("priority", Namespaces.CLIENT).isPresent());
        assertThat(update.element().childText("show", Namespaces.CLIENT)).isEqualTo("dnd");
        assertThat(update.element().childText("status", Namespaces.CLIENT)).isNull();
        // Alice's own session sees the presence it sent.
        Stanza self = alice.expect(p -> p.isPresence() && p.from().toString().equals(room("team") + "/Alice")
                && p.element().child("priority", Namespaces.CLIENT).isPresent());
        assertThat(self.element().childText("show", Namespaces.CLIENT)).isEqualTo("chat");
    }

    private static Predicate<Stanza> shows(String nick, String show, String status) {
        return p -> p.isPresence() && p.type() == null && p.from() != null
                && p.from().toString().equals(room("team") + "/" + nick)
                && Objects.equals(show, p.element().childText("show", Namespaces.CLIENT))
                && Objects.equals(status, p.element().childText("status", Namespaces.CLIENT));
    }

    /** Manual presence through the XEP-0050 command, as a client does it; "clear" removes it. */
    private static void setManual(MucClient c, String show, String status) {
        Stanza started = c.iq("set", "localhost", "<command xmlns='" + AdHocModule.NAMESPACE + "' node='" + NODE
                + "' action='execute'/>");
        String session = started.element().child("command", AdHocModule.NAMESPACE).map(e -> e.attribute("sessionid"))
                .orElseThrow();
        String statusField = status == null ? "" : "<field var='status'><value>" + status + "</value></field>";
        Stanza done = c.iq("set", "localhost", "<command xmlns='" + AdHocModule.NAMESPACE + "' node='" + NODE
                + "' sessionid='" + session + "' action='complete'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='show'><value>" + show + "</value></field>" + statusField + "</x></command>");
        assertThat(done.element().child("command", AdHocModule.NAMESPACE).map(e -> e.attribute("status")))
                .contains("completed");
    }
}
