package org.parley.server.muc;

import static org.parley.server.muc.SmackRooms.nick;
import static org.parley.server.muc.SmackRooms.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.search.ReportedData;
import org.jivesoftware.smackx.search.UserSearchManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.TestServer;

/** Smack's MUC and MAM support (a real client over TLS) against the chat-room service. */
class MucSmackTest {

    private TestServer server;
    private XMPPTCPConnection alice;
    private XMPPTCPConnection bob;

    @BeforeEach
    void start() throws Exception {
        server = SmackRooms.server("muc.mamMaxResults=5");
        server.createUser("alice");
        server.createUser("bob");
        alice = server.signIn("alice", "desk");
        bob = server.signIn("bob", "phone");
        // TestServer connections sign in without presence; invitations to the bare JID need an available resource.
        bob.sendStanza(bob.getStanzaFactory().buildPresenceStanza().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createConfigureJoinTalkKickAndInviteIntoAMembersOnlyRoom() throws Exception {
        MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(room("plans"));
        aliceRoom.create(nick("Alice")).getConfigFormManager()
                .makeMembersOnly()
                .submitConfigurationForm();
        Form config = aliceRoom.getConfigurationForm();
        FillableForm persistent = config.getFillableForm();
        persistent.setAnswer("muc#roomconfig_persistentroom", true);
        persistent.setAnswer("muc#roomconfig_roomdesc", "Quarterly roadmap planning");
        aliceRoom.sendConfigurationForm(persistent);

        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("plans"));
        assertThatThrownBy(() -> bobRoom.join(nick("Bob")))
                .isInstanceOf(XMPPErrorException.class)
                .satisfies(e -> assertThat(((XMPPErrorException) e).getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.registration_required));

        // A mediated invitation from the owner makes Bob a member.
        CompletableFuture<String> invited = new CompletableFuture<>();
        MultiUserChatManager.getInstanceFor(bob).addInvitationListener(
                (conn, muc, inviter, reason, password, message, invitation) -> invited.complete(muc.getRoom() + " " + reason));
        aliceRoom.invite(JidCreate.entityBareFrom("bob@localhost"), "roadmap review");
        assertThat(invited.get(10, TimeUnit.SECONDS)).isEqualTo("plans@conference.localhost roadmap review");
        bobRoom.join(nick("Bob"));
        // Alice's client sees Bob's presence on its own connection, independently of Bob's join returning.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> aliceRoom.getOccupants()
                .stream().anyMatch(o -> o.toString().equals("plans@conference.localhost/Bob")));

        bobRoom.sendMessage("hello everyone");
        Message heard = aliceRoom.nextMessage(10_000);
        while (heard != null && heard.getBody() == null) {
            heard = aliceRoom.nextMessage(10_000); // configuration-change notices (status 104) carry no body
        }
        assertThat(heard.getBody()).isEqualTo("hello everyone");

        // Room search finds it by a word of its description.
        UserSearchManager search = new UserSearchManager(bob);
        var service = JidCreate.domainBareFrom("conference.localhost");
        FillableForm query = new Form(search.getSearchForm(service)).getFillableForm();
        query.setAnswer("search", "roadmap");
        ReportedData found = search.getSearchResults(query.getDataFormToSubmit(), service);
        assertThat(found.getRows()).hasSize(1);
        assertThat(found.getRows().get(0).getValues("jid").get(0).toString()).isEqualTo("plans@conference.localhost");

        aliceRoom.kickParticipant(nick("Bob"), "enough");
        // Bob's client learns of the kick from its own presence, independently of Alice's iq result.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !bobRoom.isJoined());
    }

    @Test
    void archiveQueriesWithPagingAndTextSearch() throws Exception {
        MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(room("log"));
        aliceRoom.create(nick("Alice")).makeInstant();
        FillableForm persistent = aliceRoom.getConfigurationForm().getFillableForm();
        persistent.setAnswer("muc#roomconfig_persistentroom", true);
        aliceRoom.sendConfigurationForm(persistent);
        for (int i = 1; i <= 7; i++) {
            aliceRoom.sendMessage(i == 4 ? "the quick brown fox" : "message " + i);
            aliceRoom.nextMessage(10_000);
        }
        MamManager mam = MamManager.getInstanceFor(aliceRoom);
        assertThat(mam.isSupported()).isTrue();
        MamManager.MamQuery page = mam.queryArchive(MamManager.MamQueryArgs.builder().setResultPageSizeTo(50).build());
        // Capped at muc.mamMaxResults (5 here).
        assertThat(page.getMessages()).hasSize(5);
        assertThat(page.isComplete()).isFalse();
        List<Message> rest = page.pageNext(5);
        assertThat(rest).extracting(Message::getBody).containsExactly("message 6", "message 7");

        MamManager.MamQuery text = mam.queryArchive(MamManager.MamQueryArgs.builder()
                .withAdditionalFormField(org.jivesoftware.smackx.xdata.FormField.textSingleBuilder(
                        MucNamespaces.FULLTEXT_FIELD).setValue("fox").build())
                .build());
        assertThat(text.getMessages()).extracting(Message::getBody).containsExactly("the quick brown fox");

        // History on join: a new occupant asks for the last 2 messages only.
        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("log"));
        bobRoom.join(bobRoom.getEnterConfigurationBuilder(nick("Bob")).requestMaxStanzasHistory(2).build());
        assertThat(bobRoom.nextMessage(10_000).getBody()).isEqualTo("message 6");
        assertThat(bobRoom.nextMessage(10_000).getBody()).isEqualTo("message 7");
    }
}
