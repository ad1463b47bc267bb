package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;
import static org.parley.server.muc.MucClient.statusCodes;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.storage.Database;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Databases;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** Creating, joining, leaving and ending rooms; persistent rooms across a restart. */
class RoomLifecycleTest {

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
    void adHocRoomIsCreatedLockedJoinedAndGoneWhenTheLastOccupantLeaves() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");

        Stanza created = alice.join("talk", "Alice");
        assertThat(statusCodes(created)).contains(110, 201);
        assertThat(item(created).attribute("affiliation")).isEqualTo("owner");
        assertThat(item(created).attribute("role")).isEqualTo("moderator");
        // XEP-0045 §10.1.1: locked until the owner accepts a configuration.
        assertThat(error(bob.join("talk", "Bob"))).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        MucClient.expectResult(alice.iq("set", room("talk"),
                "<query xmlns='" + MucNamespaces.MUC_OWNER + "'><x xmlns='jabber:x:data' type='submit'/></query>"));

        Stanza bobSelf = bob.join("talk", "Bob");
        assertThat(statusCodes(bobSelf)).containsExactly(110);
        assertThat(item(bobSelf).attribute("role")).isEqualTo("participant");
        // Semi-anonymous: a participant does not see the owner's real JID; the moderator sees Bob's.
        Stanza aliceSeenByBob = bob.expect(s -> s.isPresence() && s.from().toString().equals(room("talk") + "/Alice"));
        assertThat(item(aliceSeenByBob).attribute("jid")).isNull();
        Stanza bobSeenByAlice = alice.expect(s -> s.isPresence() && s.from().toString().equals(room("talk") + "/Bob"));
        assertThat(item(bobSeenByAlice).attribute("jid")).isEqualTo("bob@localhost/r");
        bob.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());

        alice.say("talk", "hello room");
        Stanza heard = bob.expectGroupchat("hello room");
        assertThat(heard.from().toString()).isEqualTo(room("talk") + "/Alice");
        assertThat(heard.element().child("stanza-id", MucNamespaces.STANZA_ID)).isPresent();
        alice.expectGroupchat("hello room");

        // Private message between occupants, from room/nick.
        bob.session.send("<message type='chat' to='" + room("talk") + "/Alice'><body>psst</body></message>");
        Stanza pm = alice.expect(s -> s.isMessage() && "psst".equals(s.element().childText("body", Namespaces.CLIENT)));
        assertThat(pm.from().toString()).isEqualTo(room("talk") + "/Bob");

        bob.session.send("<presence type='unavailable' to='" + room("talk") + "/Bob'/>");
        Stanza bobLeft = alice.expect(s -> s.isPresence() && "unavailable".equals(s.type()));
        assertThat(item(bobLeft).attribute("role")).isEqualTo("none");
        alice.session.disconnect(); // the last occupant's session ends: the ad hoc room ends with it

        MucClient carol = client("carol");
        // The name is free again: joining creates a new room.
        assertThat(statusCodes(carol.join("talk", "Carol"))).contains(201);
    }

    @Test
    void nonOccupantsCannotSpeakAndMissingRoomsAreNotFound() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");
        alice.createInstant("open", "Alice");
        bob.session.send("<message id='m1' type='groupchat' to='" + room("open") + "'><body>hi</body></message>");
        assertThat(error(bob.expect(s -> "m1".equals(s.id())))).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        Stanza info = bob.iq("get", room("nowhere"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
        assertThat(error(info)).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @Test
    void persistentRoomKeepsConfigurationMembersAndHistoryAcrossARestart() {
        try (Database db = Databases.h2()) {
            harness = CoreHarness.startOn(db, List.of(), new MucModule());
            MucClient alice = client("alice");
            alice.createConfigured("team", "Alice",
                    "muc#roomconfig_persistentroom", "1",
                    "muc#roomconfig_roomname", "Team room",
                    "muc#roomconfig_roomdesc", "Where the team plans releases",
                    "muc#roomconfig_membersonly", "1");
            MucClient.expectResult(alice.iq("set", room("team"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                    + "'><item affiliation='member' jid='bob@localhost'/></query>"));
            for (int i = 1; i <= 3; i++) {
                alice.say("team", "note " + i);
                alice.expectGroupchat("note " + i);
            }
            alice.session.disconnect();
            // Persistent: the room stays when the last occupant leaves.
            MucClient bob = client("bob");
            assertThat(MucClient.statusCodes(bob.join("team", "Bob"))).contains(110);
            bob.expectGroupchat("note 3");
            harness.close();

            harness = CoreHarness.startOn(db, List.of(), new MucModule());
            MucClient bob2 = new MucClient(harness.connect("bob", "again"));
            Stanza info = bob2.iq("get", room("team"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
            assertThat(info.toXml()).contains("muc_persistent", "muc_membersonly", "Where the team plans releases", "Team room");
            bob2.join("team", "Bob");
            List<String> replayed = List.of(bob2.expectGroupchat("note 1"), bob2.expectGroupchat("note 2"),
                    bob2.expectGroupchat("note 3")).stream().map(s -> s.element().childText("body", Namespaces.CLIENT)).toList();
            assertThat(replayed).containsExactly("note 1", "note 2", "note 3");
            harness.createUser("mallory");
            MucClient mallory = new MucClient(harness.connect("mallory", "m"));
            assertThat(error(mallory.join("team", "Mallory"))).isEqualTo(StanzaErrorCondition.REGISTRATION_REQUIRED);
            mallory.session.expectNothing(s -> s.isMessage(), Duration.ofMillis(100));
        }
    }
}
