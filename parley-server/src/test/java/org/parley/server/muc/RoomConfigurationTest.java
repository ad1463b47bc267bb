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

/** XEP-0045 §10.2: the owner and admin lists of the configuration form, and §10.2.1's change notices. */
class RoomConfigurationTest {

    private CoreHarness harness;
    private MucClient alice;
    private MucClient bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MucModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = new MucClient(harness.connect("alice", "r"));
        bob = new MucClient(harness.connect("bob", "r"));
        alice.createInstant("board", "Alice");
        bob.join("board", "Bob");
        bob.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static final Predicate<Stanza> NOTICE = s -> s.isMessage() && s.from().toString().equals(room("board"))
            && s.element().child("x", MucNamespaces.MUC_USER).isPresent();

    /** The codes of the next configuration notice Bob receives. */
    private List<Integer> nextNotice() {
        Stanza notice = bob.expect(NOTICE);
        assertThat(notice.type()).isEqualTo("groupchat");
        assertThat(notice.element().child("body", Namespaces.CLIENT)).isEmpty();
        return statusCodes(notice);
    }

    @Test
    void privacyChangesCarryTheirOwnStatusCodes() {
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_whois", "anyone"));
        assertThat(nextNotice()).containsExactly(172);
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_whois", "moderators"));
        assertThat(nextNotice()).containsExactly(173);
        // Persistent with logging on: the room now keeps a transcript (170); persistence itself is another change (104).
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_persistentroom", "1"));
        assertThat(nextNotice()).containsExactly(170, 104);
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_enablelogging", "0"));
        assertThat(nextNotice()).containsExactly(171);
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_roomname", "The board"));
        assertThat(nextNotice()).containsExactly(104);
        // A submission that changes nothing sends nothing: the next notice Bob sees is the one after it.
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_roomname", "The board"));
        MucClient.expectResult(alice.configure("board", "muc#roomconfig_roomdesc", "Decisions"));
        assertThat(nextNotice()).containsExactly(104);
    }

    @Test
    void ownerAndAdminListsOfTheFormAreApplied() {
        harness.createUser("carol");
        Stanza result = alice.configure("board",
                "muc#roomconfig_roomowners", "alice@localhost",
                "muc#roomconfig_roomadmins", "bob@localhost");
        MucClient.expectResult(result);
        // Bob, in the room, becomes admin and moderator, and everyone sees it.
        Stanza bobNow = alice.expect(s -> s.isPresence() && s.from().toString().equals(room("board") + "/Bob")
                && "admin".equals(item(s).attribute("affiliation")));
        assertThat(item(bobNow).attribute("role")).isEqualTo("moderator");
        assertThat(nextNotice()).containsExactly(104);

        // The form lists them back, and the admin list says so too.
        Stanza form = alice.iq("get", room("board"), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'/>");
        assertThat(form.toXml()).contains("muc#roomconfig_roomadmins");
        assertThat(alice.iq("get", room("board"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='admin'/></query>").toXml()).contains("bob@localhost");

        // Replacing the lists: Carol co-owns, Bob is no longer admin (the lists are complete, not deltas).
        MucClient.expectResult(alice.iq("set", room("board"), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='muc#roomconfig_roomowners'><value>alice@localhost</value><value>carol@localhost</value></field>"
                + "<field var='muc#roomconfig_roomadmins'/></x></query>"));
        Stanza demoted = bob.expect(s -> s.isPresence() && s.from().toString().equals(room("board") + "/Bob")
                && "none".equals(item(s).attribute("affiliation")));
        assertThat(item(demoted).attribute("role")).isEqualTo("participant");
        assertThat(alice.iq("get", room("board"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='owner'/></query>").toXml()).contains("alice@localhost", "carol@localhost");

        // An empty owner list, or one JID in both lists, is refused and changes nothing.
        assertThat(error(alice.configure("board", "muc#roomconfig_roomowners", "")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(error(alice.configure("board", "muc#roomconfig_roomowners", "alice@localhost",
                "muc#roomconfig_roomadmins", "alice@localhost"))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(alice.iq("get", room("board"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='owner'/></query>").toXml()).contains("alice@localhost", "carol@localhost");
    }
}
