package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.errorText;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;
import static org.parley.server.muc.MucClient.statusCodes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** Members-only, password, moderation (kick, ban, voice), invitations and nicknames. */
class RoomPoliciesTest {

    private CoreHarness harness;
    private MucClient alice;
    private MucClient bob;
    private MucClient carol;

    @BeforeEach
    void start() {
        org.parley.server.roster.RosterModule roster = new org.parley.server.roster.RosterModule();
        harness = CoreHarness.start(roster, new org.parley.server.presence.PresenceModule(roster),
                new org.parley.server.message.MessageModule(), new MucModule());
        alice = client("alice");
        bob = client("bob");
        carol = client("carol");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.availableUser(harness, user);
    }

    @Test
    void membersOnlyRoomRefusesOthersAndAMediatedInvitationMakesAMember() {
        alice.createConfigured("club", "Alice", "muc#roomconfig_membersonly", "1");
        Stanza refused = bob.join("club", "Bob");
        assertThat(error(refused)).isEqualTo(StanzaErrorCondition.REGISTRATION_REQUIRED);
        assertThat(errorText(refused)).contains("members only");

        alice.session.send("<message to='" + room("club") + "'><x xmlns='" + MucNamespaces.MUC_USER
                + "'><invite to='bob@localhost'><reason>join us</reason></invite></x></message>");
        Stanza invitation = bob.expect(s -> s.isMessage() && s.element().child("x", MucNamespaces.MUC_USER).isPresent());
        assertThat(invitation.from().toString()).isEqualTo(room("club"));
        assertThat(invitation.toXml()).contains("invite", "alice@localhost/r", "join us");
        assertThat(statusCodes(bob.join("club", "Bob"))).contains(110);

        // Bob is a member, not an admin: members-only rooms do not let him invite (allowinvites is off).
        bob.session.send("<message id='inv' to='" + room("club") + "'><x xmlns='" + MucNamespaces.MUC_USER
                + "'><invite to='carol@localhost'/></x></message>");
        assertThat(error(bob.expect(s -> "inv".equals(s.id())))).isEqualTo(StanzaErrorCondition.FORBIDDEN);

        // A decline goes back to the inviter.
        carol.session.send("<message to='" + room("club") + "'><x xmlns='" + MucNamespaces.MUC_USER
                + "'><decline to='alice@localhost'><reason>busy</reason></decline></x></message>");
        Stanza decline = alice.expect(s -> s.isMessage() && s.toXml().contains("decline"));
        assertThat(decline.toXml()).contains("carol@localhost", "busy");
    }

    @Test
    void aDirectInvitationFromAnOwnerMakesTheInviteeAMember() {
        alice.createConfigured("club", "Alice", "muc#roomconfig_membersonly", "1");
        alice.session.send("<message to='carol@localhost'><x xmlns='" + MucNamespaces.CONFERENCE + "' jid='" + room("club")
                + "' reason='come'/></message>");
        carol.expect(s -> s.isMessage() && s.element().child("x", MucNamespaces.CONFERENCE).isPresent());
        Stanza members = alice.iq("get", room("club"), "<query xmlns='" + MucNamespaces.MUC_ADMIN + "'><item affiliation='member'/></query>");
        for (int i = 0; i < 50 && !members.toXml().contains("carol@localhost"); i++) {
            members = alice.iq("get", room("club"), "<query xmlns='" + MucNamespaces.MUC_ADMIN + "'><item affiliation='member'/></query>");
        }
        assertThat(members.toXml()).contains("carol@localhost");
        assertThat(statusCodes(carol.join("club", "Carol"))).contains(110);
    }

    @Test
    void passwordProtectedRoom() {
        alice.createConfigured("secret", "Alice", "muc#roomconfig_passwordprotectedroom", "1",
                "muc#roomconfig_roomsecret", "open sesame");
        assertThat(error(bob.join("secret", "Bob"))).isEqualTo(StanzaErrorCondition.NOT_AUTHORIZED);
        Stanza wrong = bob.join("secret", "Bob", "<password>guess</password>");
        assertThat(error(wrong)).isEqualTo(StanzaErrorCondition.NOT_AUTHORIZED);
        assertThat(errorText(wrong)).contains("wrong");
        assertThat(statusCodes(bob.join("secret", "Bob", "<password>open sesame</password>"))).contains(110);
    }

    @Test
    void moderatorsKickBanAndGiveVoice() {
        alice.createConfigured("stage", "Alice", "muc#roomconfig_moderatedroom", "1");
        Stanza bobSelf = bob.join("stage", "Bob");
        assertThat(item(bobSelf).attribute("role")).isEqualTo("visitor");
        bob.session.send("<message id='v1' type='groupchat' to='" + room("stage") + "'><body>may I?</body></message>");
        assertThat(error(bob.expect(s -> "v1".equals(s.id())))).isEqualTo(StanzaErrorCondition.FORBIDDEN);

        // Voice.
        MucClient.expectResult(alice.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item nick='Bob' role='participant'/></query>"));
        bob.expect(s -> s.isPresence() && item(s) != null && "participant".equals(item(s).attribute("role")));
        bob.say("stage", "thanks");
        alice.expectGroupchat("thanks");

        // A participant may not kick.
        carol.join("stage", "Carol");
        Stanza notAllowed = bob.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item nick='Carol' role='none'/></query>");
        assertThat(error(notAllowed)).isEqualTo(StanzaErrorCondition.FORBIDDEN);

        // Kick: 307 for everyone, with the reason.
        MucClient.expectResult(alice.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item nick='Carol' role='none'><reason>noise</reason></item></query>"));
        Stanza kicked = carol.expect(s -> s.isPresence() && "unavailable".equals(s.type()));
        assertThat(statusCodes(kicked)).contains(307, 110);
        assertThat(kicked.toXml()).contains("noise");
        // A kicked user may come back; a banned one may not.
        carol.join("stage", "Carol");
        MucClient.expectResult(alice.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='outcast' jid='carol@localhost'/></query>"));
        Stanza banned = carol.expect(s -> s.isPresence() && "unavailable".equals(s.type()) && statusCodes(s).contains(301));
        assertThat(item(banned).attribute("affiliation")).isEqualTo("outcast");
        assertThat(error(carol.join("stage", "Carol"))).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        Stanza outcasts = alice.iq("get", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='outcast'/></query>");
        assertThat(outcasts.toXml()).contains("carol@localhost");

        // Nobody kicks the owner.
        MucClient.expectResult(alice.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item affiliation='admin' jid='bob@localhost'/></query>"));
        Stanza ownerKick = bob.iq("set", room("stage"), "<query xmlns='" + MucNamespaces.MUC_ADMIN
                + "'><item nick='Alice' role='none'/></query>");
        assertThat(error(ownerKick)).isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
    }

    @Test
    void nicknamesInUseAndWithForbiddenCharactersAreRefusedCleanly() {
        alice.createInstant("lobby", "Alice");
        assertThat(error(bob.join("lobby", "Alice"))).isEqualTo(StanzaErrorCondition.CONFLICT);
        Stanza spaced = bob.join("lobby", " Bob");
        assertThat(error(spaced)).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        assertThat(errorText(spaced)).contains("space");
        Stanza tooLong = bob.join("lobby", "b".repeat(65));
        assertThat(error(tooLong)).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        // Nothing happened to the room: Bob can still enter with a proper nickname.
        assertThat(statusCodes(bob.join("lobby", "Bob"))).contains(110);
        // Nickname change: 303 with the new nick.
        bob.session.send("<presence to='" + room("lobby") + "/Robert'/>");
        Stanza changed = alice.expect(s -> s.isPresence() && statusCodes(s).contains(303));
        assertThat(item(changed).attribute("nick")).isEqualTo("Robert");
        alice.expect(s -> s.isPresence() && s.from().toString().equals(room("lobby") + "/Robert"));
    }

    @Test
    void malformedConfigurationFormIsRefusedAndChangesNothing() {
        alice.createInstant("cfg", "Alice");
        Stanza bad = alice.configure("cfg", "muc#roomconfig_membersonly", "maybe");
        assertThat(error(bad)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(errorText(bad)).contains("muc#roomconfig_membersonly");
        assertThat(error(alice.configure("cfg", "muc#roomconfig_maxusers", "lots"))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(error(alice.configure("cfg", "muc#roomconfig_whois", "everybody"))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        Stanza notAForm = alice.iq("set", room("cfg"), "<query xmlns='" + MucNamespaces.MUC_OWNER
                + "'><x xmlns='jabber:x:data' type='form'/></query>");
        assertThat(error(notAForm)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        Stanza info = alice.iq("get", room("cfg"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
        assertThat(info.toXml()).contains("muc_open").doesNotContain("muc_membersonly");
        // Only owners configure.
        bob.join("cfg", "Bob");
        Stanza notOwner = bob.iq("get", room("cfg"), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'/>");
        assertThat(error(notOwner)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        Stanza form = alice.iq("get", room("cfg"), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'/>");
        assertThat(form.toXml()).contains("muc#roomconfig_roomowners", "muc#roomconfig_passwordprotectedroom");
    }

    @Test
    void destroyingARoomTellsOccupantsTheAlternateVenue() {
        alice.createInstant("old", "Alice");
        bob.join("old", "Bob");
        MucClient.expectResult(alice.iq("set", room("old"), "<query xmlns='" + MucNamespaces.MUC_OWNER
                + "'><destroy jid='" + room("new") + "'><reason>moved</reason></destroy></query>"));
        Stanza gone = bob.expect(s -> s.isPresence() && "unavailable".equals(s.type()) && s.toXml().contains("destroy"));
        assertThat(gone.toXml()).contains(room("new"), "moved");
        assertThat(error(bob.iq("get", room("old"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>")))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }
}
