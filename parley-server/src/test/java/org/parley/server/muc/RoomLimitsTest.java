package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.errorText;
import static org.parley.server.muc.MucClient.statusCodes;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** The seed's limits (here set low) and who may create persistent rooms. */
class RoomLimitsTest {

    private CoreHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.newUser(harness, user);
    }

    @Test
    void totalRoomsLimit() {
        harness = CoreHarness.start(List.of("muc.maxRooms=2"), new MucModule());
        MucClient alice = client("alice");
        alice.createInstant("one", "A");
        alice.createInstant("two", "A");
        Stanza third = alice.join("three", "A");
        assertThat(error(third)).isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
        assertThat(errorText(third)).contains("limit of 2 rooms");
        // Existing rooms are untouched.
        alice.say("one", "still here");
        alice.expectGroupchat("still here");
    }

    @Test
    void persistentRoomsLimit() {
        harness = CoreHarness.start(List.of("muc.maxPersistentRooms=1"), new MucModule());
        MucClient alice = client("alice");
        alice.createConfigured("kept", "A", "muc#roomconfig_persistentroom", "1");
        alice.createInstant("second", "A");
        Stanza refused = alice.configure("second", "muc#roomconfig_persistentroom", "1");
        assertThat(error(refused)).isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
        assertThat(errorText(refused)).contains("limit of 1 persistent rooms");
        Stanza info = alice.iq("get", MucClient.room("second"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
        assertThat(info.toXml()).contains("muc_temporary");
        // Making the first one temporary frees its slot.
        MucClient.expectResult(alice.configure("kept", "muc#roomconfig_persistentroom", "0"));
        MucClient.expectResult(alice.configure("second", "muc#roomconfig_persistentroom", "1"));
    }

    @Test
    void occupantsLimit() {
        harness = CoreHarness.start(List.of("muc.maxOccupants=2"), new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");
        MucClient carol = client("carol");
        alice.createInstant("small", "A");
        assertThat(statusCodes(bob.join("small", "B"))).contains(110);
        Stanza full = carol.join("small", "C");
        assertThat(error(full)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(full.toXml()).contains("type=\"wait\"");
        assertThat(errorText(full)).contains("full");
        // A room's own maxusers cannot exceed the service's cap.
        assertThat(error(alice.configure("small", "muc#roomconfig_maxusers", "5"))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void onlyListedUsersMayCreatePersistentRooms() {
        harness = CoreHarness.start(List.of("muc.persistentRoomCreators=listed", "muc.creators=alice"), new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");
        alice.createConfigured("official", "A", "muc#roomconfig_persistentroom", "1");
        bob.createInstant("mine", "B");
        Stanza refused = bob.configure("mine", "muc#roomconfig_persistentroom", "1");
        assertThat(error(refused)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
    }
}
