package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parley.xml.Recorder.utf8;

import org.junit.jupiter.api.Test;
import org.parley.xml.Recorder.Closed;
import org.parley.xml.Recorder.Opened;

/** RFC 7395: over WebSocket each message is one complete element, framed by open and close. */
class FramedXmlStreamParserTest {

    final XmlStreamParser parser = XmlStreamParser.framed(10_000);
    final Recorder recorder = new Recorder();

    void message(String xml) throws XmlStreamException {
        byte[] b = utf8(xml);
        parser.feed(b, 0, b.length, recorder);
    }

    @Test
    void openStanzasAndClose() throws Exception {
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0' xml:lang='en'/>");
        message("<message xmlns='jabber:client' to='a@example.com'><body>hi</body></message>");
        message("<stream:features xmlns:stream='http://etherx.jabber.org/streams'/>");
        message("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");

        assertThat(recorder.events).hasSize(4);
        assertThat(recorder.events.get(0)).isEqualTo(
                new Opened(new StreamHeader("example.com", null, null, "1.0", "en", Namespaces.CLIENT)));
        assertThat(recorder.elements().get(0).childText("body", Namespaces.CLIENT)).isEqualTo("hi");
        assertThat(recorder.elements().get(1).is("features", Namespaces.STREAM)).isTrue();
        assertThat(recorder.events.get(3)).isEqualTo(new Closed());
        assertThat(parser.isIdle()).isTrue();
    }

    @Test
    void resetAfterSaslAcceptsANewOpen() throws Exception {
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'/>");
        parser.reset();
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'/>");
        assertThat(recorder.events).filteredOn(e -> e instanceof Opened).hasSize(2);
    }

    @Test
    void aMessageMustHoldExactlyOneCompleteElement() throws Exception {
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'/>");
        XmlStreamException partial = catchThrowableOfType(XmlStreamException.class,
                () -> message("<message xmlns='jabber:client'><body>"));
        assertThat(partial.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);

        parser.reset();
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'/>");
        XmlStreamException two = catchThrowableOfType(XmlStreamException.class,
                () -> message("<presence xmlns='jabber:client'/><presence xmlns='jabber:client'/>"));
        assertThat(two.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void theFirstElementMustBeOpen() {
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class,
                () -> message("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'/>"));
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.INVALID_NAMESPACE);
    }

    @Test
    void restrictedXmlIsRefusedInFramesToo() throws Exception {
        message("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.com' version='1.0'/>");
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class,
                () -> message("<message xmlns='jabber:client'><body>&xxe;</body></message>"));
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void headerWritesItselfBothWays() {
        StreamHeader h = new StreamHeader("example.com", "juliet@example.com", null, "1.0", "en", Namespaces.CLIENT);
        assertThat(h.toFramedXml()).isEqualTo("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing'"
                + " to='example.com' from='juliet@example.com' version='1.0' xml:lang='en'/>");
        assertThat(h.toXml(true)).isEqualTo("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' from='juliet@example.com'"
                + " version='1.0' xml:lang='en'>");
        assertThat(new StreamHeader(null, "a'b", "i1", null, null, Namespaces.SERVER).toXml(false))
                .isEqualTo("<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                        + " from='a&apos;b' id='i1'>");
    }

    @Test
    void aHeaderWrittenByToXmlParsesBackToItself() throws Exception {
        StreamHeader h = new StreamHeader("example.com", "server.example", "abc&1", "1.0", "fr", Namespaces.CLIENT);
        Recorder r = new Recorder();
        byte[] b = utf8(h.toXml(true));
        new XmlStreamParser(1000).feed(b, 0, b.length, r);
        assertThat(r.events).containsExactly(new Opened(h));
    }
}
