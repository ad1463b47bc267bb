package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** History on join, the MAM archive with RSM paging and filters, and room search. */
class HistoryArchiveSearchTest {

    private CoreHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.newUser(harness, user);
    }

    private static List<String> bodies(List<Stanza> messages) {
        return messages.stream().map(s -> s.element().childText("body", Namespaces.CLIENT)).toList();
    }

    private static void talk(MucClient who, String room, int count, String prefix) {
        for (int i = 1; i <= count; i++) {
            who.say(room, prefix + i);
            who.expectGroupchat(prefix + i);
        }
    }

    @Test
    void historyOnJoinIsFifteenByDefaultAndHonoursMaxstanzas() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        alice.createInstant("chat", "Alice");
        talk(alice, "chat", 20, "m");

        MucClient bob = client("bob");
        bob.join("chat", "Bob");
        bob.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());
        List<Stanza> replay = bob.session.drain().stream().filter(s -> s.isMessage() && s.element().child("delay", Namespaces.DELAY).isPresent()).toList();
        assertThat(bodies(replay)).hasSize(15).first().isEqualTo("m6");
        assertThat(bodies(replay)).last().isEqualTo("m20");

        MucClient carol = client("carol");
        carol.join("chat", "Carol", "<history maxstanzas='3'/>");
        carol.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());
        List<Stanza> three = carol.session.drain().stream().filter(s -> s.isMessage() && s.element().child("delay", Namespaces.DELAY).isPresent()).toList();
        assertThat(bodies(three)).containsExactly("m18", "m19", "m20");

        MucClient dave = client("dave");
        dave.join("chat", "Dave", "<history maxchars='0'/>");
        dave.expect(s -> s.isMessage() && s.element().child("subject", Namespaces.CLIENT).isPresent());
        assertThat(dave.session.drain()).noneMatch(s -> s.isMessage() && s.element().child("delay", Namespaces.DELAY).isPresent());
    }

    @Test
    void roomSearchFindsAPublicRoomByAWordOfItsDescription() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        alice.createConfigured("design", "Alice", "muc#roomconfig_roomname", "Design",
                "muc#roomconfig_roomdesc", "Weekly typography critique");
        alice.createConfigured("hidden", "Alice", "muc#roomconfig_publicroom", "0",
                "muc#roomconfig_roomdesc", "Typography secrets");
        MucClient bob = client("bob");

        Stanza form = bob.iq("get", MucClient.SERVICE, "<query xmlns='" + MucNamespaces.SEARCH + "'/>");
        assertThat(form.toXml()).contains("var=\"search\"");
        Stanza found = bob.iq("set", MucClient.SERVICE, "<query xmlns='" + MucNamespaces.SEARCH + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='search'><value>TYPOGRAPHY</value></field></x></query>");
        assertThat(found.toXml()).contains(room("design"), "Weekly typography critique").doesNotContain(room("hidden"));
        Stanza none = bob.iq("set", MucClient.SERVICE, "<query xmlns='" + MucNamespaces.SEARCH + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='search'><value>gardening</value></field></x></query>");
        assertThat(none.toXml()).doesNotContain(room("design"));

        Stanza items = bob.iq("get", MucClient.SERVICE, "<query xmlns='" + Namespaces.DISCO_ITEMS + "'/>");
        assertThat(items.toXml()).contains(room("design")).doesNotContain(room("hidden"));
        Stanza info = bob.iq("get", MucClient.SERVICE, "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
        assertThat(info.toXml()).contains(MucNamespaces.MUC, MucNamespaces.SEARCH, "conference");
        assertThat(MucClient.statusCodes(bob.join("design", "Bob"))).contains(110);
    }

    @Test
    void archiveQueriesPageFilterSearchAndAreCapped() {
        harness = CoreHarness.start(List.of("muc.mamMaxResults=10"), new MucModule());
        MucClient alice = client("alice");
        MucClient bob = client("bob");
        alice.createConfigured("log", "Alice", "muc#roomconfig_persistentroom", "1");
        bob.join("log", "Bob");
        talk(alice, "log", 6, "alpha ");
        Instant middle = Instant.now();
        bob.say("log", "the quick brown fox");
        alice.expectGroupchat("the quick brown fox");
        talk(alice, "log", 6, "omega ");

        // Capped: asking for 50 gives 10, and says more remain.
        Archive page1 = query(alice, "<set xmlns='" + MucNamespaces.RSM + "'><max>50</max></set>", "");
        assertThat(page1.bodies).hasSize(10).first().isEqualTo("alpha 1");
        assertThat(page1.complete).isFalse();
        assertThat(page1.fin.toXml()).contains("<count>13</count>");
        Archive page2 = query(alice, "<set xmlns='" + MucNamespaces.RSM + "'><max>10</max><after>" + page1.last + "</after></set>", "");
        assertThat(page2.bodies).containsExactly("omega 4", "omega 5", "omega 6");
        assertThat(page2.complete).isTrue();
        // The last page, backwards.
        Archive last = query(alice, "<set xmlns='" + MucNamespaces.RSM + "'><max>2</max><before/></set>", "");
        assertThat(last.bodies).containsExactly("omega 5", "omega 6");

        Archive since = query(alice, "", field("start", middle.toString()));
        assertThat(since.bodies).first().isEqualTo("the quick brown fox");
        assertThat(since.bodies).hasSize(7);
        Archive until = query(alice, "", field("end", middle.toString()));
        assertThat(until.bodies).hasSize(6).allMatch(b -> b.startsWith("alpha"));

        Archive text = query(alice, "", field(MucNamespaces.FULLTEXT_FIELD, "BROWN quick"));
        assertThat(text.bodies).containsExactly("the quick brown fox");
        Archive byBob = query(alice, "", field("with", room("log") + "/Bob"));
        assertThat(byBob.bodies).containsExactly("the quick brown fox");
        Archive byRealJid = query(alice, "", field("with", "bob@localhost"));
        assertThat(byRealJid.bodies).containsExactly("the quick brown fox");

        Stanza unknown = alice.iq("set", room("log"), "<query xmlns='" + MucNamespaces.MAM + "'><set xmlns='" + MucNamespaces.RSM
                + "'><after>no-such-id</after></set></query>");
        assertThat(error(unknown)).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        Stanza badDate = alice.iq("set", room("log"), "<query xmlns='" + MucNamespaces.MAM + "'>" + form(field("start", "yesterday")) + "</query>");
        assertThat(error(badDate)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        Stanza info = alice.iq("get", room("log"), "<query xmlns='" + Namespaces.DISCO_INFO + "'/>");
        assertThat(info.toXml()).contains(MucNamespaces.MAM);
    }

    @Test
    void membersOnlyArchiveIsForMembers() {
        harness = CoreHarness.start(new MucModule());
        MucClient alice = client("alice");
        MucClient eve = client("eve");
        alice.createConfigured("vault", "Alice", "muc#roomconfig_persistentroom", "1", "muc#roomconfig_membersonly", "1");
        Stanza refused = eve.iq("set", room("vault"), "<query xmlns='" + MucNamespaces.MAM + "'/>");
        assertThat(error(refused)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        eve.session.expectNothing(Stanza::isMessage, Duration.ofMillis(50));
    }

    private record Archive(List<String> bodies, boolean complete, String last, Element fin) {
    }

    private static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    private static String form(String fields) {
        return "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>" + MucNamespaces.MAM
                + "</value></field>" + fields + "</x>";
    }

    private static Archive query(MucClient who, String rsm, String fields) {
        String queryId = "q" + System.nanoTime();
        Stanza fin = who.iq("set", room("log"), "<query xmlns='" + MucNamespaces.MAM + "' queryid='" + queryId + "'>"
                + (fields.isEmpty() ? "" : form(fields)) + rsm + "</query>");
        MucClient.expectResult(fin);
        List<String> bodies = new ArrayList<>();
        for (Stanza s : who.session.drain()) {
            s.element().child("result", MucNamespaces.MAM).filter(r -> queryId.equals(r.attribute("queryid"))).ifPresent(r ->
                    bodies.add(r.child("forwarded", Namespaces.FORWARD).orElseThrow()
                            .child("message", Namespaces.CLIENT).orElseThrow().childText("body", Namespaces.CLIENT)));
        }
        Element finElement = fin.element().child("fin", MucNamespaces.MAM).orElseThrow();
        String last = finElement.child("set", MucNamespaces.RSM).orElseThrow().childText("last", MucNamespaces.RSM);
        return new Archive(bodies, "true".equals(finElement.attribute("complete")), last, finElement);
    }
}
