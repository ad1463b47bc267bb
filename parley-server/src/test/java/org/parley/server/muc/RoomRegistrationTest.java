package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.storage.Database;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Databases;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.10–7.11: registering a nickname with a room, which reserves it, across a restart too. */
class RoomRegistrationTest {

    private static final String ROOMUSER = "<query xmlns='" + Namespaces.DISCO_INFO + "' node='x-roomuser-item'/>";

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

    private static String register(String nick) {
        return "<query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>" + MucNamespaces.REGISTER + "</value></field>"
                + "<field var='muc#register_roomnick'><value>" + nick + "</value></field></x></query>";
    }

    private static String reservedNick(Stanza disco) {
        return disco.element().elements().get(0).child("identity", Namespaces.DISCO_INFO)
                .map(i -> i.attribute("name")).orElse(null);
    }

    @Test
    void aRegisteredNicknameIsReservedAndSurvivesARestart() {
        try (Database db = Databases.h2()) {
            harness = CoreHarness.startOn(db, List.of(), new MucModule());
            MucClient alice = client("alice");
            MucClient bob = client("bob");
            MucClient carol = client("carol");
            alice.createConfigured("guild", "Alice", "muc#roomconfig_persistentroom", "1");

            Stanza form = MucClient.expectResult(bob.iq("get", room("guild"), "<query xmlns='jabber:iq:register'/>"));
            Element query = form.element().elements().get(0);
            assertThat(query.child("registered", Namespaces.REGISTER)).isEmpty();
            assertThat(query.toXml()).contains(MucNamespaces.REGISTER, "muc#register_roomnick", "required");
            assertThat(reservedNick(MucClient.expectResult(bob.iq("get", room("guild"), ROOMUSER)))).isNull();

            MucClient.expectResult(bob.iq("set", room("guild"), register("Bobby")));
            assertThat(reservedNick(bob.iq("get", room("guild"), ROOMUSER))).isEqualTo("Bobby");
            Stanza again = bob.iq("get", room("guild"), "<query xmlns='jabber:iq:register'/>");
            assertThat(again.element().elements().get(0).child("registered", Namespaces.REGISTER)).isPresent();
            // Registering made Bob a member.
            assertThat(alice.iq("get", room("guild"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                    + "'><item affiliation='member'/></query>").toXml()).contains("bob@localhost");

            // Nobody else may take the nickname: not by joining, renaming or registering it.
            assertThat(error(carol.join("guild", "Bobby"))).isEqualTo(StanzaErrorCondition.CONFLICT);
            carol.join("guild", "Carol");
            carol.session.send("<presence id='rename' to='" + room("guild") + "/Bobby'/>");
            assertThat(error(carol.expect(s -> "rename".equals(s.id())))).isEqualTo(StanzaErrorCondition.CONFLICT);
            assertThat(error(carol.iq("set", room("guild"), register("Bobby")))).isEqualTo(StanzaErrorCondition.CONFLICT);
            assertThat(item(bob.join("guild", "Bobby")).attribute("affiliation")).isEqualTo("member");
            harness.close();

            harness = CoreHarness.startOn(db, List.of(), new MucModule());
            MucClient bob2 = new MucClient(harness.connect("bob", "again"));
            MucClient carol2 = new MucClient(harness.connect("carol", "again"));
            assertThat(reservedNick(bob2.iq("get", room("guild"), ROOMUSER))).isEqualTo("Bobby");
            assertThat(error(carol2.join("guild", "Bobby"))).isEqualTo(StanzaErrorCondition.CONFLICT);

            // Giving the nickname up frees it.
            MucClient.expectResult(bob2.iq("set", room("guild"), "<query xmlns='jabber:iq:register'><remove/></query>"));
            assertThat(reservedNick(bob2.iq("get", room("guild"), ROOMUSER))).isNull();
            assertThat(item(carol2.join("guild", "Bobby")).attribute("role")).isEqualTo("participant");
        }
    }

    @Test
    void membersOnlyRoomsBansAndBadFormsAreRefused() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");
        alice.createConfigured("club", "Alice", "muc#roomconfig_membersonly", "1");
        // Registration is not a way into a members-only room.
        assertThat(error(bob.iq("set", room("club"), register("Bob")))).isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
        MucClient.expectResult(alice.iq("set", room("club"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='member' jid='bob@localhost'/></query>"));
        MucClient.expectResult(bob.iq("set", room("club"), register("Bob")));

        assertThat(error(bob.iq("set", room("club"), "<query xmlns='jabber:iq:register'/>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(error(bob.iq("set", room("club"), register(" ")))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        // The owner's own nickname is hers to reserve; Bob cannot take it.
        MucClient.expectResult(alice.iq("set", room("club"), register("Alice")));
        assertThat(error(bob.iq("set", room("club"), register("Alice")))).isEqualTo(StanzaErrorCondition.CONFLICT);

        // A ban takes the reservation away (§9.1).
        MucClient.expectResult(alice.iq("set", room("club"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='outcast' jid='bob@localhost'/></query>"));
        assertThat(error(bob.iq("get", room("club"), "<query xmlns='jabber:iq:register'/>")))
                .isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(reservedNick(bob.iq("get", room("club"), ROOMUSER))).isNull();
    }
}
