package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** {@link Stanza#toUtf8} gives exactly the bytes of {@link Stanza#toXml}, however the stanza was made. */
class StanzaBytesTest {

    private static final String TRICKY = "a<b>c&d\"e'f\ng\rh\ti é ü 中文 😀 ]]> &amp; ";

    @Test
    void copiesForManyRecipientsMatchToXmlByteForByte() throws Exception {
        for (Stanza s : corpus()) {
            for (Jid to : recipients()) {
                assertSameBytes(s.withTo(to));
            }
            assertSameBytes(s);
        }
    }

    @Test
    void copiesOfCopiesAndOtherChangesMatchToo() throws Exception {
        List<Jid> rs = recipients();
        for (Stanza s : corpus()) {
            Stanza a = s.withTo(rs.get(0));
            assertSameBytes(a.withTo(rs.get(1)));
            assertSameBytes(a.withTo(rs.get(1)).withTo(rs.get(2)));
            assertSameBytes(a.withTo(null));
            assertSameBytes(a.withTo(null).withTo(rs.get(3)));
            assertSameBytes(a.withFrom(rs.get(4)));
            assertSameBytes(a.withFrom(rs.get(4)).withTo(rs.get(5)));
            assertSameBytes(a.withElement(a.element().withChild(new Text(TRICKY))));
            assertSameBytes(a.withTo(a.to()));
            // The origin itself, once its template exists (it was used by the copies above).
            assertSameBytes(s);
        }
    }

    @Test
    void randomStanzasMatch() throws Exception {
        Random random = new Random(20261129);
        List<Jid> rs = recipients();
        for (int i = 0; i < 2000; i++) {
            Stanza s = Stanza.of(randomStanza(random));
            assertSameBytes(s.withTo(rs.get(random.nextInt(rs.size()))));
            assertSameBytes(s.withTo(rs.get(random.nextInt(rs.size()))));
            assertSameBytes(s);
        }
    }

    @Test
    void parsedStanzasKeepTheirAttributeOrder() throws Exception {
        String[] inputs = {
            "<message xmlns='jabber:client' to='room@conference.example.com' type='groupchat' id='x1'"
                    + " xml:lang='en'><body>hi &amp; bye</body></message>",
            "<presence xmlns='jabber:client' id='p' from='a@example.com/r'><c xmlns='http://jabber.org/protocol/caps'"
                    + " hash='sha-1' node='n' ver='v='/><x xmlns='vcard-temp:x:update'><photo/></x></presence>",
            "<iq xmlns='jabber:client' type='result' id='r' to='a@example.com/x'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='b@example.com' name='B &lt;&gt;'><group>G</group></item></query></iq>",
        };
        for (String xml : inputs) {
            Stanza s = Stanza.parse(ElementParser.parse(xml, 65536));
            for (Jid to : recipients()) {
                assertSameBytes(s.withTo(to));
            }
        }
    }

    @Test
    void copiesShareTheSerialisationOfTheirOrigin() throws Exception {
        Stanza s = corpus().get(0);
        StanzaBytes a = s.withTo(JidCreate.from("a@example.com/1")).toUtf8();
        StanzaBytes b = s.withTo(JidCreate.from("b@example.com/2")).withTo(JidCreate.from("c@example.com/3")).toUtf8();
        assertThat(b.head()).isSameAs(a.head());
        assertThat(b.tail()).isSameAs(a.tail());
        assertThat(new String(b.to(), StandardCharsets.UTF_8)).isEqualTo("c@example.com/3");
    }

    private static void assertSameBytes(Stanza s) {
        byte[] expected = s.toXml().getBytes(StandardCharsets.UTF_8);
        StanzaBytes actual = s.toUtf8();
        assertThat(actual.length()).isEqualTo(expected.length);
        assertThat(new String(actual.toArray(), StandardCharsets.UTF_8)).isEqualTo(s.toXml());
        assertThat(actual.toArray()).isEqualTo(expected);
    }

    private static List<Jid> recipients() throws Exception {
        return List.of(
                JidCreate.from("alice@example.com/phone"),
                JidCreate.from("bob@example.com"),
                JidCreate.from("example.com"),
                JidCreate.from("room@conference.example.com/O'Brien & <Co> \"quoted\""),
                JidCreate.from("zoë@exämple.com/日本 😀"),
                JidCreate.from("carol@example.com/tab\there"));
    }

    private static List<Stanza> corpus() {
        List<Stanza> out = new ArrayList<>();
        // 'to' absent, first, in the middle, last.
        out.add(Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("from", "room@muc.example.com/nick")
                .attribute("type", "groupchat").attribute("id", "m1")
                .child(Element.builder("body", Namespaces.CLIENT).text("Hello " + TRICKY).build())
                .child(Element.builder("stanza-id", "urn:xmpp:sid:0").attribute("id", "abc").attribute("by", "room@muc.example.com").build())
                .build()));
        out.add(Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("to", "x@example.com")
                .attribute("from", "y@example.com/r").attribute("type", "chat")
                .child(Element.builder("body", Namespaces.CLIENT).text("line1\nline2\r\n").build()).build()));
        out.add(Stanza.of(Element.builder("presence", Namespaces.CLIENT).attribute("from", "y@example.com/r")
                .attribute("to", "x@example.com").attribute("id", "p'1\"")
                .child(Element.builder("show", Namespaces.CLIENT).text("away").build())
                .child(Element.builder("status", Namespaces.CLIENT).text(TRICKY).build())
                .child(Element.builder("c", "http://jabber.org/protocol/caps").attribute("hash", "sha-1")
                        .attribute("node", "https://example.com/app").attribute("ver", "QgayPKawpkPSDYmwT/WM94uAlu0=").build())
                .build()));
        out.add(Stanza.of(Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", "push")
                .attribute("to", "x@example.com/r")
                .child(Element.builder("query", "jabber:iq:roster").attribute("ver", "7")
                        .child(Element.builder("item", "jabber:iq:roster").attribute("jid", "a&b@example.com")
                                .attribute("name", TRICKY).attribute("subscription", "both")
                                .child(Element.builder("group", "jabber:iq:roster").text("Friends <&>").build()).build())
                        .build())
                .build()));
        // Empty, with xml:lang and a foreign-namespace attribute, nested namespace changes and mixed content.
        out.add(Stanza.of(Element.of("presence", Namespaces.CLIENT)));
        out.add(Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("xml:lang", "fr")
                .attribute("from", "a@example.com/b").attribute("foo:bar", "v<>")
                .child(Element.builder("html", "http://jabber.org/protocol/xhtml-im")
                        .child(Element.builder("body", "http://www.w3.org/1999/xhtml").text("before ")
                                .child(Element.builder("em", "http://www.w3.org/1999/xhtml").text("<em>").build())
                                .text(" after").child(Element.builder("x", Namespaces.CLIENT).build()).build())
                        .build())
                .build()));
        return out;
    }

    private static Element randomStanza(Random random) {
        String[] names = {"message", "presence", "iq"};
        String[] attributes = {"to", "from", "id", "type", "xml:lang", "x:y"};
        Element.Builder b = Element.builder(names[random.nextInt(names.length)], Namespaces.CLIENT);
        List<String> order = new ArrayList<>(List.of(attributes));
        java.util.Collections.shuffle(order, random);
        for (String a : order) {
            if (random.nextBoolean()) {
                b.attribute(a, a.equals("to") || a.equals("from") ? "u" + random.nextInt(9) + "@example.com" : text(random));
            }
        }
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            b.child(random.nextInt(3) == 0 ? new Text(text(random) + "x") : randomChild(random, 2));
        }
        return b.build();
    }

    private static Element randomChild(Random random, int depth) {
        String[] namespaces = {Namespaces.CLIENT, "urn:a", "urn:b&c"};
        Element.Builder b = Element.builder("e" + random.nextInt(3), namespaces[random.nextInt(namespaces.length)]);
        if (random.nextBoolean()) {
            b.attribute("k", text(random));
        }
        if (random.nextBoolean()) {
            b.attribute("to", text(random)); // a child's 'to' is plain data, never the slot
        }
        int children = depth == 0 ? 0 : random.nextInt(3);
        for (int i = 0; i < children; i++) {
            b.child(random.nextBoolean() ? new Text(text(random) + "y") : randomChild(random, depth - 1));
        }
        return b.build();
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
        }
        return s.toString().replace("\uD83D", "d").replace("\uDE00", "e"); // no half surrogate pairs
    }
}
