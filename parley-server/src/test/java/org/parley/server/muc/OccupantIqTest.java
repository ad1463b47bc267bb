package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.expectResult;
import static org.parley.server.muc.MucClient.room;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.PresenceModule;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.vcard.VCardModule;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** IQs to an occupant JID are relayed without revealing real JIDs; status 101 for absent users. */
class OccupantIqTest {

    private CoreHarness harness;
    private MucClient alice;
    private MucClient bob;

    @BeforeEach
    void start() {
        RosterModule roster = new RosterModule();
        harness = CoreHarness.start(roster, new PresenceModule(roster), new VCardModule(),
                new org.parley.server.message.MessageModule(), new MucModule());
        alice = client("alice");
        bob = client("bob");
        alice.createInstant("team", "Alice");
        bob.join("team", "Bob");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.availableUser(harness, user);
    }

    @Test
    void anIqToAnOccupantReachesItsSessionAndTheAnswerComesBack() {
        alice.session.send("<iq type='get' id='v1' to='" + room("team") + "/Bob'><query xmlns='jabber:iq:version'/></iq>");
        Stanza relayed = bob.expect(s -> s.isIq() && s.isIqRequest());
        assertThat(relayed.from().toString()).isEqualTo(room("team") + "/Alice");
        assertThat(relayed.id()).isNotEqualTo("v1");
        bob.session.send("<iq type='result' id='" + relayed.id() + "' to='" + room("team") + "/Alice'>"
                + "<query xmlns='jabber:iq:version'><name>TestClient</name></query></iq>");

        Stanza answer = alice.expect(s -> s.isIq() && "v1".equals(s.id()));
        assertThat(answer.type()).isEqualTo("result");
        assertThat(answer.from().toString()).isEqualTo(room("team") + "/Bob");
        assertThat(answer.toXml()).contains("TestClient").doesNotContain("bob@localhost");
    }

    @Test
    void aVCardRequestToAnOccupantIsAnsweredFromTheAccount() {
        expectResult(bob.iq("set", "bob@localhost", "<vCard xmlns='vcard-temp'><FN>Bob Builder</FN></vCard>"));
        Stanza card = alice.iq("get", room("team") + "/Bob", "<vCard xmlns='vcard-temp'/>");
        expectResult(card);
        assertThat(card.from().toString()).isEqualTo(room("team") + "/Bob");
        assertThat(card.element().child("vCard", Namespaces.VCARD).orElseThrow().childText("FN", Namespaces.VCARD))
                .isEqualTo("Bob Builder");
    }

    @Test
    void nonOccupantsAndUnknownNicknamesAreRefused() {
        harness.createUser("eve");
        MucClient eve = new MucClient(harness.connect("eve", "r"));
        assertThat(error(eve.iq("get", room("team") + "/Bob", "<ping xmlns='urn:xmpp:ping'/>")))
                .isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        assertThat(error(alice.iq("get", room("team") + "/Nobody", "<ping xmlns='urn:xmpp:ping'/>")))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @Test
    void aUserNotInTheRoomIsToldOfANewAffiliation() {
        MucClient carol = client("carol");
        expectResult(alice.iq("set", room("team"), "<query xmlns='" + MucNamespaces.MUC_ADMIN + "'>"
                + "<item affiliation='member' jid='carol@localhost'><reason>welcome</reason></item></query>"));
        Stanza notice = carol.expect(s -> s.isMessage() && MucClient.statusCodes(s).contains(101));
        assertThat(notice.from().toString()).isEqualTo(room("team"));
        assertThat(MucClient.item(notice).attribute("affiliation")).isEqualTo("member");
    }
}
