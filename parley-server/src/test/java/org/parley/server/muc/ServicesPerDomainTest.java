package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.directory.DirectoryModule;
import org.parley.server.disco.DiscoModule;
import org.parley.server.storage.Database;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.Databases;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Every served domain has its own chat-room service (conference.&lt;domain&gt;) and contact
 * search (search.&lt;domain&gt;), also when the domain is added while the server runs; disco in
 * each domain lists its own services; rooms of the same name in two domains are two rooms, each
 * persisting on its own; a domain no longer served takes its services with it.
 */
class ServicesPerDomainTest {

    private static final DomainBareJid SECOND = JidCreate.domainBareFromOrThrowUnchecked("second.example");

    private static CoreHarness start(Database db) {
        return CoreHarness.startOn(db, List.of(), new DiscoModule(), new DirectoryModule(null, null), new MucModule());
    }

    private static Stanza iq(TestSession s, String type, String to, String payload) {
        String id = UUID.randomUUID().toString();
        s.send("<iq type='" + type + "' id='" + id + "' to='" + to + "'>" + payload + "</iq>");
        return s.expect(r -> r.isIq() && id.equals(r.id()));
    }

    private static List<String> items(TestSession s, String domain) {
        Stanza r = iq(s, "get", domain, "<query xmlns='" + Namespaces.DISCO_ITEMS + "'/>");
        return r.element().child("query", Namespaces.DISCO_ITEMS).orElseThrow().children("item", Namespaces.DISCO_ITEMS)
                .stream().map(e -> e.attribute("jid")).toList();
    }

    /** Creates a persistent room titled {@code title} at {@code room} (a bare room JID). */
    private static void createPersistent(TestSession s, String room, String nick, String title) {
        s.send("<presence to='" + room + "/" + nick + "'><x xmlns='" + MucNamespaces.MUC + "'/></presence>");
        Stanza self = s.expect(p -> p.isPresence() && (room + "/" + nick).equals(String.valueOf(p.from())));
        assertThat(MucClient.statusCodes(self)).contains(201);
        Stanza r = iq(s, "set", room, "<query xmlns='" + MucNamespaces.MUC_OWNER + "'><x xmlns='jabber:x:data' "
                + "type='submit'><field var='FORM_TYPE'><value>" + MucNamespaces.ROOMCONFIG + "</value></field>"
                + "<field var='muc#roomconfig_persistentroom'><value>1</value></field>"
                + "<field var='muc#roomconfig_roomname'><value>" + title + "</value></field></x></query>");
        MucClient.expectResult(r);
    }

    private static String title(TestSession s, String room) {
        return iq(s, "get", room, "<query xmlns='" + Namespaces.DISCO_INFO + "'/>").toXml();
    }

    @Test
    void eachDomainHasItsOwnRoomsSearchAndDiscoItems() throws Exception {
        try (Database db = Databases.h2()) {
            CoreHarness harness = start(db);
            try {
                harness.core().domains().addManaged(SECOND); // while running
                harness.createUser("alice");
                harness.createUser("carol@second.example");
                TestSession alice = harness.connect("alice", "r");
                TestSession carol = harness.connect(JidCreate.entityFullFrom("carol@second.example/r"));

                assertThat(items(alice, "localhost")).containsExactlyInAnyOrder("conference.localhost", "search.localhost");
                assertThat(items(carol, "second.example"))
                        .containsExactlyInAnyOrder("conference.second.example", "search.second.example");
                Stanza search = iq(carol, "get", "search.second.example", "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
                assertThat(search.type()).isEqualTo("result");
                assertThat(search.toXml()).contains("jabber:iq:search");

                createPersistent(alice, "team@conference.localhost", "Alice", "First team");
                createPersistent(carol, "team@conference.second.example", "Carol", "Second team");
                assertThat(title(alice, "team@conference.localhost")).contains("First team").doesNotContain("Second");
            } finally {
                harness.close();
            }

            // After a restart both rooms come back, each in its own service.
            harness = start(db);
            try {
                harness.core().domains().addManaged(SECOND);
                TestSession alice = harness.connect("alice", "again");
                assertThat(title(alice, "team@conference.localhost")).contains("First team");
                assertThat(title(alice, "team@conference.second.example")).contains("Second team");

                harness.core().domains().removeManaged(SECOND);
                Stanza gone = iq(alice, "get", "team@conference.second.example",
                        "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
                assertThat(gone.isError()).isTrue();
                assertThat(gone.element().child("error", Namespaces.CLIENT).map(Element::toXml).orElse(""))
                        .contains(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND.elementName());
                assertThat(items(alice, "localhost")).containsExactlyInAnyOrder("conference.localhost", "search.localhost");
            } finally {
                harness.close();
            }
        }
    }
}
