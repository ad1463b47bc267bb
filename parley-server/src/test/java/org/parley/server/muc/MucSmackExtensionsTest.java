package org.parley.server.muc;

import static org.parley.server.muc.SmackRooms.nick;
import static org.parley.server.muc.SmackRooms.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.Occupant;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.rsm.packet.RSMSet;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.TestServer;

/**
 * Smack 4.4 (a real client over TLS) on the newer chat-room features: XEP-0249 direct invitations,
 * voice requests, room registration and reserved nicknames, one nickname from two clients, and
 * paged, filtered room discovery.
 */
class MucSmackExtensionsTest {

    private TestServer server;
    private XMPPTCPConnection alice;
    private XMPPTCPConnection bob;

    @BeforeEach
    void start() throws Exception {
        server = SmackRooms.server();
        server.createUser("alice");
        server.createUser("bob");
        server.createUser("carol");
        alice = server.signIn("alice", "desk");
        bob = server.signIn("bob", "phone");
        bob.sendStanza(bob.getStanzaFactory().buildPresenceStanza().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MultiUserChat create(XMPPTCPConnection owner, String name, String nick, String... booleanFields)
            throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(room(name));
        muc.create(nick(nick)).makeInstant();
        if (booleanFields.length > 0) {
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            for (String field : booleanFields) {
                form.setAnswer(field, true);
            }
            muc.sendConfigurationForm(form);
        }
        return muc;
    }

    @Test
    void aDirectInvitationReachesSmackAndLetsTheInviteeIntoAMembersOnlyRoom() throws Exception {
        create(alice, "club", "Alice", "muc#roomconfig_membersonly");
        CompletableFuture<String> invited = new CompletableFuture<>();
        bob.addAsyncStanzaListener(s -> invited.complete(GroupChatInvitation.from(s).getRoomAddress()),
                s -> s instanceof Message && GroupChatInvitation.from(s) != null);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom("bob@localhost"))
                .addExtension(new GroupChatInvitation("club@conference.localhost")).build());
        assertThat(invited.get(10, TimeUnit.SECONDS)).isEqualTo("club@conference.localhost");
        // The owner's invitation made Bob a member: he gets in.
        MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("club")).join(nick("Bob"));
    }

    @Test
    void aVisitorAsksForVoiceAndTheModeratorGrantsIt() throws Exception {
        MultiUserChat aliceRoom = create(alice, "stage", "Alice", "muc#roomconfig_moderatedroom");
        CompletableFuture<DataForm> request = new CompletableFuture<>();
        alice.addAsyncStanzaListener(s -> request.complete(DataForm.from(s)),
                s -> s instanceof Message && DataForm.from(s) != null);
        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("stage"));
        bobRoom.join(nick("Bob"));
        // Smack's join returns on the self-presence; its occupant table is filled by another listener.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                roleOf(bobRoom) != null);
        assertThat(roleOf(bobRoom)).isEqualTo(MUCRole.visitor);

        bobRoom.requestVoice();
        DataForm approval = request.get(10, TimeUnit.SECONDS);
        assertThat(approval.getFormType()).isEqualTo(MucNamespaces.REQUEST);
        assertThat(approval.getField("muc#roomnick").getFirstValue()).isEqualTo("Bob");
        FillableForm answer = new Form(approval).getFillableForm();
        answer.setAnswer("muc#request_allow", true);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(room("stage"))
                .addExtension(answer.getDataFormToSubmit()).build());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> roleOf(bobRoom) == MUCRole.participant);
        bobRoom.sendMessage("I may speak");
        Message heard = aliceRoom.nextMessage(10_000);
        while (heard != null && heard.getBody() == null) {
            heard = aliceRoom.nextMessage(10_000);
        }
        assertThat(heard.getBody()).isEqualTo("I may speak");
    }

    @Test
    void aRegisteredNicknameIsReservedForItsOwner() throws Exception {
        create(alice, "guild", "Alice");
        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("guild"));
        FillableForm registration = bobRoom.getRegistrationForm().getFillableForm();
        registration.setAnswer("muc#register_roomnick", "Bobby");
        bobRoom.sendRegistrationForm(registration);
        assertThat(bobRoom.getReservedNickname()).isEqualTo("Bobby");

        XMPPTCPConnection carol = server.signIn("carol", "laptop");
        MultiUserChat carolRoom = MultiUserChatManager.getInstanceFor(carol).getMultiUserChat(room("guild"));
        assertThat(carolRoom.getReservedNickname()).isNull();
        assertThatThrownBy(() -> carolRoom.join(nick("Bobby")))
                .isInstanceOfSatisfying(XMPPErrorException.class, e ->
                        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.conflict));
        bobRoom.join(nick("Bobby"));
    }

    @Test
    void twoClientsOfOneUserShareANicknameAndOthersSeeOneOccupant() throws Exception {
        MultiUserChat desk = create(alice, "team", "Alice");
        XMPPTCPConnection alicePhone = server.signIn("alice", "phone");
        MultiUserChat phone = MultiUserChatManager.getInstanceFor(alicePhone).getMultiUserChat(room("team"));
        phone.join(nick("Alice"));
        MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room("team"));
        MucEnterConfiguration noHistory = bobRoom.getEnterConfigurationBuilder(nick("Bob")).requestNoHistory().build();
        bobRoom.join(noHistory);
        assertThat(bobRoom.getOccupants()).extracting(Object::toString)
                .containsExactlyInAnyOrder("team@conference.localhost/Alice", "team@conference.localhost/Bob");

        bobRoom.sendMessage("hello both");
        assertThat(nextBody(desk)).isEqualTo("hello both");
        assertThat(nextBody(phone)).isEqualTo("hello both");
    }

    private static String nextBody(MultiUserChat muc) throws Exception {
        Message m = muc.nextMessage(10_000);
        while (m != null && m.getBody() == null) {
            m = muc.nextMessage(10_000);
        }
        return m == null ? null : m.getBody();
    }

    @Test
    void roomDiscoveryPagesWithRsmAndFiltersByTheSearchNode() throws Exception {
        for (String name : new String[] {"alpha", "beta", "gamma"}) {
            MultiUserChat muc = create(alice, name, "Alice");
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomdesc", name.equals("beta") ? "Release planning" : "Chatter");
            muc.sendConfigurationForm(form);
        }
        DomainBareJid service = JidCreate.domainBareFrom("conference.localhost");
        DiscoverItems firstPage = new DiscoverItems();
        firstPage.setTo(service);
        firstPage.addExtension(new RSMSet(2));
        DiscoverItems page = bob.sendIqRequestAndWaitForResponse(firstPage);
        assertThat(page.getItems()).extracting(i -> i.getEntityID().toString())
                .containsExactly("alpha@conference.localhost", "beta@conference.localhost");
        DiscoverItems nextPage = new DiscoverItems();
        nextPage.setTo(service);
        nextPage.addExtension(new RSMSet(2, "beta@conference.localhost", RSMSet.PageDirection.after));
        DiscoverItems rest = bob.sendIqRequestAndWaitForResponse(nextPage);
        assertThat(rest.getItems()).extracting(i -> i.getEntityID().toString()).containsExactly("gamma@conference.localhost");

        DiscoverItems found = ServiceDiscoveryManager.getInstanceFor(bob).discoverItems(service, "x-roomsearch:planning");
        assertThat(found.getItems()).extracting(i -> i.getEntityID().toString()).containsExactly("beta@conference.localhost");
    }

    private static MUCRole roleOf(MultiUserChat muc) throws Exception {
        Occupant self = muc.getOccupant(JidCreate.entityFullFrom(muc.getRoom(), muc.getNickname()));
        return self == null ? null : self.getRole();
    }
}
