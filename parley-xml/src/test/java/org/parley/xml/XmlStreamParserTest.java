package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.xml.Recorder.byteByByte;
import static org.parley.xml.Recorder.utf8;
import static org.parley.xml.Recorder.whole;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.xml.Recorder.Closed;
import org.parley.xml.Recorder.Event;
import org.parley.xml.Recorder.Got;
import org.parley.xml.Recorder.Opened;

class XmlStreamParserTest {

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>";
    static final int MAX = 10_000;

    /** Parses whole and byte by byte, checks both agree, and returns the events. */
    static List<Event> parse(String doc) throws XmlStreamException {
        List<Event> whole = whole(doc, MAX);
        assertThat(byteByByte(doc, MAX)).isEqualTo(whole);
        return whole;
    }

    @Test
    void fullStreamOpensDeliversStanzasAndCloses() throws Exception {
        List<Event> events = parse(HEADER
                + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>"
                + "<message to='juliet@example.com/balcony' type='chat' id='m1'><body>Wherefore art thou?</body></message>"
                + "\n <iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>"
                + "</stream:stream>");

        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo(new Opened(
                new StreamHeader("example.com", null, null, "1.0", "en", Namespaces.CLIENT)));
        Element features = ((Got) events.get(1)).element();
        assertThat(features.is("features", Namespaces.STREAM)).isTrue();
        assertThat(features.child("starttls", Namespaces.TLS).orElseThrow().child("required", Namespaces.TLS)).isPresent();
        Element message = ((Got) events.get(2)).element();
        assertThat(message).isEqualTo(Element.builder("message", Namespaces.CLIENT)
                .attribute("to", "juliet@example.com/balcony").attribute("type", "chat").attribute("id", "m1")
                .child(Element.builder("body", Namespaces.CLIENT).text("Wherefore art thou?").build()).build());
        Element iq = ((Got) events.get(3)).element();
        assertThat(iq.child("ping", Namespaces.PING)).isPresent();
        assertThat(events.get(4)).isEqualTo(new Closed());
    }

    @Test
    void multiByteCharactersSplitAcrossFeeds() throws Exception {
        List<Event> events = parse(HEADER + "<message><body>h\u00e9llo \u20ac \ud83d\ude00 \u4f60\u597d</body></message>");
        Element message = ((Got) events.get(1)).element();
        assertThat(message.childText("body", Namespaces.CLIENT)).isEqualTo("h\u00e9llo \u20ac \ud83d\ude00 \u4f60\u597d");
    }

    @Test
    void everySplitPointGivesTheSameResult() throws Exception {
        String doc = HEADER + "<message id='a&amp;b'><body>x &lt; y &#x1F600;</body></message><presence/>";
        byte[] b = utf8(doc);
        List<Event> expected = whole(doc, MAX);
        for (int split = 1; split < b.length; split++) {
            Recorder r = new Recorder();
            XmlStreamParser p = new XmlStreamParser(MAX);
            p.feed(b, 0, split, r);
            p.feed(b, split, b.length - split, r);
            assertThat(r.events).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void namespacesComeFromTheRealUriWhateverThePrefix() throws Exception {
        List<Event> events = parse("<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:server'"
                + " xmlns:db='jabber:server:dialback'>"
                + "<db:result from='a.example' to='b.example'>key</db:result>"
                + "<s:features/>"
                + "<iq xmlns:x='urn:example:x'><x:query><item xmlns='urn:example:y'/></x:query></iq>");
        assertThat(events.get(0)).isEqualTo(new Opened(new StreamHeader(null, null, null, null, null, Namespaces.SERVER)));
        assertThat(((Got) events.get(1)).element().is("result", "jabber:server:dialback")).isTrue();
        assertThat(((Got) events.get(2)).element().is("features", Namespaces.STREAM)).isTrue();
        Element iq = ((Got) events.get(3)).element();
        assertThat(iq.namespace()).isEqualTo(Namespaces.SERVER);
        Element query = iq.child("query", "urn:example:x").orElseThrow();
        assertThat(query.child("item", "urn:example:y")).isPresent();
        assertThat(iq.attributes()).as("namespace declarations are not attributes").isEmpty();
    }

    @Test
    void attributeNamesKeepXmlLangAndForeignPrefixes() throws Exception {
        List<Event> events = parse(HEADER
                + "<message xml:lang='fr' xmlns:ex='urn:example' ex:flag='1' type='chat'><body xml:lang='de'>Hallo</body></message>");
        Element message = ((Got) events.get(1)).element();
        assertThat(message.attributes()).containsOnlyKeys("xml:lang", "ex:flag", "type");
        assertThat(message.attribute("xml:lang")).isEqualTo("fr");
        assertThat(message.child("body", Namespaces.CLIENT).orElseThrow().attribute("xml:lang")).isEqualTo("de");
    }

    @Test
    void escapingRoundTrips() throws Exception {
        Element original = Element.builder("message", Namespaces.CLIENT)
                .attribute("to", "romeo@example.net").attribute("id", "q\"'<>&\t\n\r")
                .attribute("xml:lang", "en")
                .child(Element.builder("body", Namespaces.CLIENT).text("a < b && c > d \"quoted\" 'single' \r\n\t \u00e9\ud83d\ude00").build())
                .child(Element.builder("x", "urn:example:other").attribute("k", "v")
                        .child(Element.builder("y", "urn:example:other").text("inner").build()).build())
                .build();
        List<Event> events = parse(HEADER + original.toXml(Namespaces.CLIENT));
        assertThat(((Got) events.get(1)).element()).isEqualTo(original);
    }

    @Test
    void whitespaceKeepalivesAreIgnoredAndLeaveTheParserIdle() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(MAX);
        byte[] head = utf8(HEADER);
        assertThat(p.isIdle()).isTrue();
        p.feed(head, 0, 10, r);
        assertThat(p.isIdle()).as("half a header").isFalse();
        p.feed(head, 10, head.length - 10, r);
        assertThat(p.isIdle()).isTrue();
        byte[] space = utf8(" \n ");
        for (int i = 0; i < 5; i++) {
            p.feed(space, 0, space.length, r);
            assertThat(p.isIdle()).isTrue();
        }
        byte[] msg = utf8("<message><body>hi</body></message>");
        p.feed(msg, 0, 9, r);
        assertThat(p.isIdle()).as("inside a stanza").isFalse();
        p.feed(msg, 9, msg.length - 9, r);
        assertThat(p.isIdle()).isTrue();
        assertThat(r.elements()).hasSize(1);
    }

    @Test
    void resetAfterStartTlsStartsAFreshStream() throws Exception {
        XmlStreamParser p = new XmlStreamParser(MAX);
        Recorder r = new Recorder();
        byte[] first = utf8(HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        p.feed(first, 0, first.length, r);
        assertThat(r.elements().get(0).is("starttls", Namespaces.TLS)).isTrue();
        p.reset();
        assertThat(p.isIdle()).isTrue();
        // The new stream starts with its own declaration, which would be illegal inside the old one.
        byte[] second = utf8(HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>");
        for (int i = 0; i < second.length; i++) {
            p.feed(second, i, 1, r);
        }
        assertThat(r.events).filteredOn(e -> e instanceof Opened).hasSize(2);
        assertThat(r.elements().get(1).is("auth", Namespaces.SASL)).isTrue();
    }

    @Test
    void resetFromInsideAHandlerFeedsTheRestOfTheChunkToTheNewStream() throws Exception {
        XmlStreamParser p = new XmlStreamParser(MAX);
        Recorder r = new Recorder() {
            @Override
            public void element(Element element) {
                super.element(element);
                if (element.is("auth", Namespaces.SASL)) {
                    p.reset(); // SASL success: the bytes after <auth/> belong to a new stream
                }
            }
        };
        byte[] all = utf8(HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>" + HEADER + "<presence/>");
        p.feed(all, 0, all.length, r);
        assertThat(r.events).hasSize(4);
        assertThat(r.events.get(2)).isInstanceOf(Opened.class);
        assertThat(r.elements().get(1).name()).isEqualTo("presence");
    }

    @Test
    void closedParserRefusesInput() throws Exception {
        XmlStreamParser p = new XmlStreamParser(MAX);
        p.close();
        assertThatThrownBy(() -> p.feed(new byte[1], 0, 1, new Recorder())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cdataIsText() throws Exception {
        List<Event> events = parse(HEADER + "<message><body><![CDATA[a<b]]> &amp; c</body></message>");
        assertThat(((Got) events.get(1)).element().childText("body", Namespaces.CLIENT)).isEqualTo("a<b & c");
    }

    /** After a large element the reader is replaced; the stream's prefixes and its end tag must still work. */
    @Test
    void namespaceContextSurvivesReplacingTheReaderAfterALargeElement() throws Exception {
        String big = "<message><body>" + "z".repeat(XmlStreamParser.RENEW_AFTER_BYTES * 2) + "</body></message>";
        List<Event> events = parse("<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:server'"
                + " xmlns:db='jabber:server:dialback'>" + big
                + "<db:result from='a.example'>key</db:result><s:features/>" + big + "<iq/></s:stream>");
        assertThat(events).hasSize(7);
        assertThat(((Got) events.get(2)).element().is("result", "jabber:server:dialback")).isTrue();
        assertThat(((Got) events.get(3)).element().is("features", Namespaces.STREAM)).isTrue();
        assertThat(((Got) events.get(5)).element().is("iq", Namespaces.SERVER)).isTrue();
        assertThat(events.get(6)).isEqualTo(new Closed());
    }

    /** A hibernated parser keeps the stream: prefixes, the default namespace and the end tag still work. */
    @Test
    void hibernatingBetweenStanzasDropsTheReaderButNotTheStream() throws Exception {
        Recorder r = new Recorder();
        XmlStreamParser p = new XmlStreamParser(10_000);
        assertThat(p.hibernate()).isFalse(); // nothing to drop before the stream header
        byte[] head = utf8("<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:client'"
                + " xmlns:db='jabber:server:dialback' to='example.com' version='1.0'><message><body>one</body></message>");
        p.feed(head, 0, head.length, r);
        assertThat(p.hibernate()).isTrue();
        assertThat(p.isIdle()).isTrue();
        byte[] half = utf8("<db:result from='a'>k</db:res");
        p.feed(half, 0, half.length, r);
        assertThat(p.hibernate()).as("never mid-element").isFalse();
        byte[] rest = utf8("ult><s:features/>");
        p.feed(rest, 0, rest.length, r);
        assertThat(p.hibernate()).isTrue();
        byte[] end = utf8(" <iq type='get' id='1'/></s:stream>");
        p.feed(end, 0, end.length, r);
        List<Element> got = r.elements();
        assertThat(got).hasSize(4);
        assertThat(got.get(0).is("message", Namespaces.CLIENT)).isTrue();
        assertThat(got.get(1).is("result", "jabber:server:dialback")).isTrue();
        assertThat(got.get(2).is("features", Namespaces.STREAM)).isTrue();
        assertThat(got.get(3).is("iq", Namespaces.CLIENT)).isTrue();
        assertThat(r.events.get(0)).isInstanceOf(Opened.class);
        assertThat(r.events).filteredOn(e -> e instanceof Opened).hasSize(1); // priming is silent
        assertThat(r.events.get(r.events.size() - 1)).isEqualTo(new Closed());
        assertThat(p.hibernate()).as("after the stream's end").isFalse();
    }
}
